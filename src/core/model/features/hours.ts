import { hourOfWeek } from '../../behaviour/time-of-week.js';
import type { ProfileKey, ValuesQuery } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/** When (hour of the week, UTC) each sender, sender domain and the organisation write. */
export const hoursFeature: ModelFeature = {
  name: 'hours',
  lookups: () => [],
  valueLookups({ who, message }) {
    if (!who.sender || message.date === null) return [];
    const queries: ValuesQuery[] = [BehaviourKeys.hoursQuery('address', who.sender), BehaviourKeys.hoursQuery('org', '')];
    if (who.senderDomain) queries.push(BehaviourKeys.hoursQuery('domain', who.senderDomain));
    return queries;
  },
  observations({ who, message }) {
    if (!who.sender || message.date === null) return [];
    const how = hourOfWeek(message.date);
    const keys: ProfileKey[] = [BehaviourKeys.hourOfWeek('address', who.sender, how), BehaviourKeys.hourOfWeek('org', '', how)];
    if (who.senderDomain) keys.push(BehaviourKeys.hourOfWeek('domain', who.senderDomain, how));
    return keys;
  },
};
