import type { Check } from './check.js';
import { attachmentsOf, names } from './attachment-facts.js';

export const attachmentTypeMismatch: Check = {
  id: 'ATTACHMENT_TYPE_MISMATCH',
  description: "An attachment's content is of another type than its name's extension says (e.g. a program named .pdf).",
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const hits = attachmentsOf(context).filter((a) => a.typeMismatch);
    if (hits.length === 0) return null;
    const first = hits[0]!;
    return {
      id: this.id,
      // Content facts, not a matter of history: a disguised file is disguised whoever sends it.
      strength: 0.9,
      evidence: { attachments: names(hits), extension: first.extension, detectedType: first.type },
      summary: `attaches ${first.name}, named .${first.extension} but actually ${first.type}`,
    };
  },
};
