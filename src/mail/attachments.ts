/** MIME library attachments → our Attachment: hashed, sniffed, bounded. */
import { createHash } from 'node:crypto';
import type { Attachment as LibAttachment } from 'postal-mime';
import type { Attachment } from '../core/message.js';
import { MAX_ATTACHMENTS, SNIFF_BYTES } from './limits.js';
import { sniffType } from './sniff.js';
import { attachmentTraits } from './attachment-traits.js';

function bytesOf(content: LibAttachment['content']): Uint8Array {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export function toAttachments(list: readonly LibAttachment[], defects: string[]): Attachment[] {
  if (list.length > MAX_ATTACHMENTS) defects.push(`attachments-truncated:${list.length}`);
  return list.slice(0, MAX_ATTACHMENTS).map((a) => {
    const bytes = bytesOf(a.content);
    const disposition: Attachment['disposition'] = a.disposition === 'attachment' ? 'attachment' : a.disposition === 'inline' ? 'inline' : null;
    return {
      filename: a.filename ? a.filename.replace(/\0/g, '') : null,
      declaredType: (a.mimeType || 'application/octet-stream').toLowerCase(),
      detectedType: sniffType(bytes.subarray(0, SNIFF_BYTES)),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      disposition,
      traits: attachmentTraits(bytes),
    };
  });
}
