import { WIDTH_BUCKETS, widthBucket } from '../behaviour/habits.js';
import { senderMessages } from '../behaviour/sender-deviations.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import { internalRecipientCount } from '../model/features/habits.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** "Many of ours at once" starts here. */
const MIN_WIDE = 5;
/** Messages behind the sender's distribution habit before a jump counts. */
const MIN_HISTORY = 5;

export const wideDistribution: Check = {
  id: 'WIDE_DISTRIBUTION',
  description: 'A sender who usually writes to one or two of our people now writes to many at once.',
  run({ who, message, org, view }) {
    if (who.direction === 'outbound' || !who.sender) return null;
    const width = internalRecipientCount(message, org);
    if (width < MIN_WIDE) return null;
    const history = view.values(BehaviourKeys.widthQuery(who.sender));
    const messages = history.reduce((n, v) => n + v.counter.count, 0);
    if (messages < MIN_HISTORY) return null;
    const usualWidest = Math.max(...history.map((v) => WIDTH_BUCKETS.indexOf(v.value as (typeof WIDTH_BUCKETS)[number])));
    const now = WIDTH_BUCKETS.indexOf(widthBucket(width));
    if (now < usualWidest + 2) return null;
    const strength = round2(confidenceFrom(messages, MIN_HISTORY) * Math.min(1, (now - usualWidest) / 3 + 0.34));
    return {
      id: this.id,
      strength,
      evidence: { sender: who.sender, recipientsHere: width, usualWidest: WIDTH_BUCKETS[usualWidest] ?? 'unknown', senderMessages: messages, allMessagesFromSender: senderMessages(view, who.sender) },
      summary: `${who.sender} wrote to ${width} of our people at once, having never written to more than ${WIDTH_BUCKETS[usualWidest] ?? 'a few'} in ${messages} messages`,
    };
  },
};
