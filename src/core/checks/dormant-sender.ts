import { DAY_MS } from '../profile.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Silence this long, after an established history, makes a return notable (about six months). */
export const DORMANT_AFTER_DAYS = 180;
/** "Established": this many messages either way, over at least this many days. */
const MIN_MESSAGES = 5;
const MIN_SPAN_DAYS = 30;

export const dormantSender: Check = {
  id: 'DORMANT_SENDER',
  description: 'A correspondent with an established history returns after a long silence.',
  run({ who, facts, now }) {
    if (who.direction !== 'inbound' || !who.sender) return null;
    const { firstSeen, lastSeen, messagesIn, messagesOut } = facts.sender;
    if (firstSeen === null || lastSeen === null) return null;
    const messages = messagesIn + messagesOut;
    const spanDays = Math.floor((lastSeen - firstSeen) / DAY_MS);
    const silentDays = Math.floor((now - lastSeen) / DAY_MS);
    if (messages < MIN_MESSAGES || spanDays < MIN_SPAN_DAYS || silentDays < DORMANT_AFTER_DAYS) return null;
    const strength = round2(confidenceFrom(messages, 10) * Math.min(1, silentDays / (2 * DORMANT_AFTER_DAYS)));
    return {
      id: this.id,
      strength,
      evidence: { sender: who.sender, silentDays, messagesBefore: messages, historySpanDays: spanDays },
      summary: `${who.sender} writes again after ${silentDays} days of silence (${messages} messages over ${spanDays} days before)`,
    };
  },
};
