import { threadClaimOf, threadReferences } from '../behaviour/thread-markers.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Organisation history (messages) at which "no thread we have seen" is half-trusted. */
const ORG_HISTORY_HALF = 50;
/** A reply with references to unseen mail claims most; a forward or quoted block alone, less (people do forward outside mail). */
const CLAIM_STRENGTH = { reply: 1, forward: 0.6, quoted: 0.6 } as const;

export const fakeReply: Check = {
  id: 'FAKE_REPLY',
  description: 'Looks like a reply or forward (subject prefix or quoted header block) but continues no thread the organisation has seen, from a sender with no history with the recipient.',
  run({ who, message, facts, view }) {
    if (who.direction !== 'inbound' || !who.sender) return null;
    // Mailing-list traffic replies to list threads, often older than our history; the lure targets a person.
    if (message.listId) return null;
    const claim = threadClaimOf(message);
    if (!claim) return null;
    if (facts.recipients.some((r) => r.fromSender > 0 || r.toSender > 0)) return null;
    const references = threadReferences(message);
    if (references.some((id) => view.count(BehaviourKeys.thread(id)) > 0)) return null;
    const strength = round2(confidenceFrom(facts.orgMessages, ORG_HISTORY_HALF) * CLAIM_STRENGTH[claim]);
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        claim,
        subject: message.subject.slice(0, 120),
        referencesChecked: references.length,
        threadHeaders: references.length > 0,
        orgMessagesLearned: facts.orgMessages,
      },
      summary:
        references.length > 0
          ? `looks like a ${claim === 'quoted' ? 'continued conversation' : claim} but refers to no message seen here, and ${who.sender} never wrote to the recipient`
          : `looks like a ${claim === 'quoted' ? 'continued conversation' : claim} but carries no thread headers, and ${who.sender} never wrote to the recipient`,
    };
  },
};
