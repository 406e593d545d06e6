import { attachmentFacts, examinedAttachments, type AttachmentFacts } from '../content/attachment-traits.js';
import { ContentKeys } from '../model/content-keys.js';
import { confidenceFrom, round2, type Check, type CheckContext } from './check.js';

/** One examined attachment with how often this sender has sent its type before. */
export interface AttachmentWithHistory extends AttachmentFacts {
  readonly senderTypeCount: number;
}

export function attachmentsOf({ message, who, view }: CheckContext): AttachmentWithHistory[] {
  return examinedAttachments(message.attachments).map((a) => {
    const facts = attachmentFacts(a);
    return { ...facts, senderTypeCount: who.sender ? view.count(ContentKeys.senderAttachmentType(who.sender, facts.type)) : 0 };
  });
}

export function names(list: readonly AttachmentFacts[]): string[] {
  return list.slice(0, 5).map((a) => (a.name.length > 60 ? `${a.name.slice(0, 59)}…` : a.name));
}

/**
 * A check that fires on one content trait of the attachments (macro, HTML, encrypted archive,
 * executable). A sender who routinely sends this very type (a finance team's macro workbooks)
 * weakens the signal by up to `habitDiscount`, never silences it.
 */
export function attachmentTraitCheck(spec: {
  readonly id: string;
  readonly description: string;
  readonly has: (a: AttachmentWithHistory) => boolean;
  readonly habitDiscount: number;
  readonly summary: (names: readonly string[]) => string;
}): Check {
  return {
    id: spec.id,
    description: spec.description,
    run(context) {
      if (context.who.direction === 'outbound') return null;
      const hits = attachmentsOf(context).filter(spec.has);
      if (hits.length === 0) return null;
      const habit = Math.min(...hits.map((a) => a.senderTypeCount));
      return {
        id: spec.id,
        strength: round2(1 - spec.habitDiscount * confidenceFrom(habit, 5)),
        evidence: { attachments: names(hits), types: [...new Set(hits.map((a) => a.type))], timesSenderSentType: habit },
        summary: spec.summary(names(hits)),
      };
    },
  };
}
