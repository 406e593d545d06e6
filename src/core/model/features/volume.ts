import { utcDay } from '../../behaviour/time-of-week.js';
import { ANY_VALUE } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/** The sender's busiest days read per email: enough to skip today when today is among them. */
export const BUSIEST_DAYS_READ = 3;

/**
 * Per-sender daily volume: one counter per (sender, UTC day). Today's count comes from the store
 * (mail learned earlier today), the baseline from the summary over all the sender's days and from their busiest days.
 */
export const volumeFeature: ModelFeature = {
  name: 'volume',
  lookups({ who, message }) {
    if (!who.sender || message.date === null) return [];
    return [BehaviourKeys.day(who.sender, utcDay(message.date)), BehaviourKeys.day(who.sender, ANY_VALUE)];
  },
  valueLookups({ who, message }) {
    if (!who.sender || message.date === null) return [];
    return [BehaviourKeys.busiestDaysQuery(who.sender, BUSIEST_DAYS_READ)];
  },
  observations({ who, message }) {
    if (!who.sender || message.date === null) return [];
    return [BehaviourKeys.day(who.sender, utcDay(message.date))];
  },
};
