import { threadReferences } from '../behaviour/thread-markers.js';
import { utcDay } from '../behaviour/time-of-week.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import { BUSIEST_DAYS_READ } from '../model/features/volume.js';
import { ANY_VALUE } from '../profile.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Days with mail needed before a sender has a daily baseline. */
const MIN_ACTIVE_DAYS = 5;
/** Today must be at least this many messages, this many times the usual day, and well past the busiest day before. */
const MIN_TODAY = 8;
const SPIKE_FACTOR = 4;
const PAST_PEAK_FACTOR = 2;

export const volumeSpike: Check = {
  id: 'VOLUME_SPIKE',
  description: 'The sender has sent far more messages today than on their usual day, and well more than on their busiest day before.',
  run({ who, message, view }) {
    if (!who.sender || message.date === null) return null;
    // Replies in a thread the organisation has seen (a patch series under its cover letter, a busy discussion) are conversation, not a blast.
    if (threadReferences(message).some((id) => view.count(BehaviourKeys.thread(id)) > 0)) return null;
    const day = utcDay(message.date);
    const earlierToday = view.count(BehaviourKeys.day(who.sender, day));
    const all = view.get(BehaviourKeys.day(who.sender, ANY_VALUE));
    if (!all) return null;
    const pastDays = (all.distinct ?? 0) - (earlierToday > 0 ? 1 : 0);
    if (pastDays < MIN_ACTIVE_DAYS) return null;
    const usualPerDay = (all.count - earlierToday) / pastDays;
    // Busy days happen (a patch series, month-end invoicing): only a day far past every earlier peak is a spike.
    const busiestBefore = view
      .values(BehaviourKeys.busiestDaysQuery(who.sender, BUSIEST_DAYS_READ))
      .filter((d) => d.value !== day)
      .reduce((max, d) => Math.max(max, d.counter.count), 0);
    const today = earlierToday + 1;
    if (today < MIN_TODAY || today < SPIKE_FACTOR * usualPerDay || today <= PAST_PEAK_FACTOR * busiestBefore) return null;
    const strength = round2(confidenceFrom(pastDays, 10) * Math.min(1, today / (2 * SPIKE_FACTOR * Math.max(1, usualPerDay))));
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: { sender: who.sender, day, messagesToday: today, usualPerActiveDay: round2(usualPerDay), busiestDayBefore: busiestBefore, activeDaysBefore: pastDays },
      summary: `${who.sender} has sent ${today} messages today against a usual ${round2(usualPerDay)} a day (busiest day before: ${busiestBefore}) over ${pastDays} days`,
    };
  },
};
