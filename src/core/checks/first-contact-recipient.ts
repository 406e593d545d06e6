import { listPhrase } from '../text.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** A recipient who has received this many messages has a baseline worth half-trusting. */
const RECIPIENT_BASELINE_HALF = 10;

export const firstContactRecipient: Check = {
  id: 'FIRST_CONTACT_RECIPIENT',
  description: 'The sender has never exchanged mail with this recipient (in either direction).',
  run({ who, facts }) {
    if (who.direction !== 'inbound' || !who.sender) return null;
    const fresh = facts.recipients.filter((r) => r.fromSender === 0 && r.toSender === 0);
    if (fresh.length === 0) return null;
    const baseline = Math.max(...fresh.map((r) => r.received));
    const strength = round2(confidenceFrom(baseline, RECIPIENT_BASELINE_HALF));
    if (strength === 0) return null;
    const whom = fresh.length === facts.recipients.length && fresh.length > 1 ? `any of its ${fresh.length} recipients` : listPhrase(fresh.map((r) => r.address));
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        newRecipients: fresh.map((r) => r.address),
        recipients: facts.recipients.length,
        senderPeopleWrittenTo: facts.sender.peopleWrittenTo,
        senderDaysKnown: facts.sender.daysKnown,
        recipientMessagesReceived: baseline,
      },
      summary:
        facts.sender.peopleWrittenTo > 0
          ? `${who.sender} has written to ${facts.sender.peopleWrittenTo} ${facts.sender.peopleWrittenTo === 1 ? 'person' : 'people'} here, but never to ${whom}`
          : `${who.sender} has never written to ${whom}`,
    };
  },
};
