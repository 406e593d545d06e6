import { utcDay } from '../../behaviour/time-of-week.js';
import { ANY_VALUE } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/**
 * Per-sender daily volume: one counter per (sender, UTC day). Today's count comes from the store
 * (mail learned earlier today), the baseline from the summary over all the sender's days.
 */
export const volumeFeature: ModelFeature = {
  name: 'volume',
  lookups({ who, message }) {
    if (!who.sender || message.date === null) return [];
    return [BehaviourKeys.day(who.sender, utcDay(message.date)), BehaviourKeys.day(who.sender, ANY_VALUE)];
  },
  observations({ who, message }) {
    if (!who.sender || message.date === null) return [];
    return [BehaviourKeys.day(who.sender, utcDay(message.date))];
  },
};
