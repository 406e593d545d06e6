import { hourFinding } from '../behaviour/sender-deviations.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Dated messages at which the sender's hours are half-trusted. */
const HISTORY_HALF = 20;

export const unusualHour: Check = {
  id: 'UNUSUAL_HOUR',
  description: 'Sent at an hour (UTC) this sender, with an established rhythm, never writes at.',
  run(context) {
    const finding = hourFinding(context);
    if (!finding) return null;
    const strength = round2(confidenceFrom(finding.senderMessages, HISTORY_HALF) * (finding.probability < 0.01 ? 1 : 0.6));
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: {
        sender: context.who.sender,
        hourUtc: finding.hourUtc,
        weekend: finding.weekend,
        usualHoursUtc: finding.usualHoursUtc.map(String),
        senderMessages: finding.senderMessages,
        senderMessagesNearHour: finding.senderMessagesNearHour,
        probability: round2(finding.probability),
        basis: finding.basis,
      },
      summary: `${context.who.sender} wrote at ${String(finding.hourUtc).padStart(2, '0')}:00 UTC, an hour they never used in ${finding.senderMessages} messages`,
    };
  },
};
