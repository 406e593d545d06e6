import { attachmentType, examinedAttachments } from '../../content/attachment-traits.js';
import type { Message } from '../../message.js';
import { ANY_VALUE, type ProfileKey } from '../../profile.js';
import { ContentKeys } from '../content-keys.js';
import type { ModelFeature } from '../feature.js';

/** Distinct attachment types and recipients profiled per message: keeps lookups bounded. */
export const MAX_ATTACHMENT_TYPES = 10;
export const MAX_ATTACHMENT_RECIPIENTS = 5;

export function attachmentTypesOf(message: Message): string[] {
  return [...new Set(examinedAttachments(message.attachments).map(attachmentType))].slice(0, MAX_ATTACHMENT_TYPES);
}

/**
 * Which kinds of file (by sniffed type) each sender sends, each of our people receives, and
 * the organisation sees: the baseline for "a type rare for this sender or recipient".
 */
export const attachmentsFeature: ModelFeature = {
  name: 'attachments',

  lookups({ who, message }) {
    const types = attachmentTypesOf(message);
    if (types.length === 0) return [];
    const recipients = who.recipients.slice(0, MAX_ATTACHMENT_RECIPIENTS);
    const keys: ProfileKey[] = [ContentKeys.orgAttachmentType(ANY_VALUE)];
    if (who.sender) keys.push(ContentKeys.senderAttachmentType(who.sender, ANY_VALUE));
    for (const r of recipients) keys.push(ContentKeys.recipientAttachmentType(r, ANY_VALUE));
    for (const t of types) {
      keys.push(ContentKeys.orgAttachmentType(t));
      if (who.sender) keys.push(ContentKeys.senderAttachmentType(who.sender, t));
      for (const r of recipients) keys.push(ContentKeys.recipientAttachmentType(r, t));
    }
    return keys;
  },

  observations({ who, message }) {
    const keys: ProfileKey[] = [];
    for (const t of attachmentTypesOf(message)) {
      keys.push(ContentKeys.orgAttachmentType(t));
      if (who.sender) keys.push(ContentKeys.senderAttachmentType(who.sender, t));
      for (const r of who.recipients.slice(0, MAX_ATTACHMENT_RECIPIENTS)) keys.push(ContentKeys.recipientAttachmentType(r, t));
    }
    return keys;
  },
};
