import { hourOfDayFromWeek, hourOfWeek } from '../../behaviour/time-of-week.js';
import type { ProfileKey, ValuesQuery } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/** When (hour of the day, UTC) each sender, sender domain and the organisation write. */
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
    const hour = hourOfDayFromWeek(hourOfWeek(message.date));
    const keys: ProfileKey[] = [BehaviourKeys.hourOfDay('address', who.sender, hour), BehaviourKeys.hourOfDay('org', '', hour)];
    if (who.senderDomain) keys.push(BehaviourKeys.hourOfDay('domain', who.senderDomain, hour));
    return keys;
  },
};
