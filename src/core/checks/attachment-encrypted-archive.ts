import { confidenceFrom, round2, type Check } from './check.js';
import { attachmentsOf, names } from './attachment-facts.js';

export const attachmentEncryptedArchive: Check = {
  id: 'ATTACHMENT_ENCRYPTED_ARCHIVE',
  description: 'An attached archive is password-protected, so its content cannot be inspected.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const hits = attachmentsOf(context).filter((a) => a.encrypted);
    if (hits.length === 0) return null;
    // A sender who routinely sends this very type (a finance team's macro workbooks) weakens, never silences, the signal.
    const habit = Math.min(...hits.map((a) => a.senderTypeCount));
    const strength = round2(1 - 0.6 * confidenceFrom(habit, 5));
    return {
      id: this.id,
      strength,
      evidence: { attachments: names(hits), types: [...new Set(hits.map((a) => a.type))], timesSenderSentType: habit },
      summary: `attaches a password-protected archive (${names(hits).join(', ')})`,
    };
  },
};
