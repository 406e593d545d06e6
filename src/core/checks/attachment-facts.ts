import { attachmentFacts, examinedAttachments, type AttachmentFacts } from '../content/attachment-traits.js';
import { ContentKeys } from '../model/content-keys.js';
import type { CheckContext } from './check.js';

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
