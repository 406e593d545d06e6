import { ANY_VALUE } from '../profile.js';
import { ContentKeys } from '../model/content-keys.js';
import { MAX_ATTACHMENT_RECIPIENTS } from '../model/features/attachments.js';
import { rarityWithBackoff } from '../rarity.js';
import { confidenceFrom, round2, type Check } from './check.js';
import { attachmentsOf } from './attachment-facts.js';

/** Attachments a sender (or recipient) must have sent (received) before its own habits count half. */
const SENDER_HALF = 5;
const RECIPIENT_HALF = 10;
const MIN_STRENGTH = 0.2;

/** How surprising a probability is: 1 at zero, 0 from 5% up. */
function surprise(p: number): number {
  return Math.max(0, 1 - p * 20);
}

interface Candidate {
  readonly strength: number;
  readonly basis: 'sender' | 'recipient';
  /** Attachments the entity had sent / received: how much history stood behind the judgement. */
  readonly history: number;
  readonly recipient: string | null;
}

export const attachmentTypeRare: Check = {
  id: 'ATTACHMENT_TYPE_RARE',
  description: 'An attachment is of a type this sender never sent, or this recipient rarely receives, with history to compare.',
  run(context) {
    const { who, view } = context;
    if (who.direction === 'outbound' || !who.sender) return null;
    const org = { total: view.count(ContentKeys.orgAttachmentType(ANY_VALUE)) };
    const senderTotal = view.count(ContentKeys.senderAttachmentType(who.sender, ANY_VALUE));
    let best: (Candidate & { type: string }) | null = null;
    for (const a of attachmentsOf(context)) {
      if (a.senderTypeCount > 0) continue;
      const orgLevel = { valueCount: view.count(ContentKeys.orgAttachmentType(a.type)), total: org.total };
      const bySender = rarityWithBackoff({ entity: { valueCount: 0, total: senderTotal }, org: orgLevel });
      const candidates: Candidate[] = [{ strength: confidenceFrom(senderTotal, SENDER_HALF) * surprise(bySender.probability), basis: 'sender', history: senderTotal, recipient: null }];
      for (const r of who.recipients.slice(0, MAX_ATTACHMENT_RECIPIENTS)) {
        const total = view.count(ContentKeys.recipientAttachmentType(r, ANY_VALUE));
        const count = view.count(ContentKeys.recipientAttachmentType(r, a.type));
        const byRecipient = rarityWithBackoff({ entity: { valueCount: count, total }, org: orgLevel });
        candidates.push({ strength: confidenceFrom(total, RECIPIENT_HALF) * surprise(byRecipient.probability), basis: 'recipient', history: total, recipient: r });
      }
      for (const c of candidates) if (!best || c.strength > best.strength) best = { type: a.type, ...c };
    }
    if (!best) return null;
    const strength = round2(best.strength);
    if (strength < MIN_STRENGTH) return null;
    return {
      id: this.id,
      strength,
      evidence: { type: best.type, basis: best.basis, recipient: best.recipient, attachmentsBefore: best.history, orgAttachmentsOfType: view.count(ContentKeys.orgAttachmentType(best.type)) },
      summary:
        best.basis === 'sender'
          ? `attaches a ${best.type} file, a type this sender never sent in ${best.history} earlier attachments`
          : `attaches a ${best.type} file, a type ${best.recipient} rarely receives`,
    };
  },
};
