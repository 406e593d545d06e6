import type { Message } from '../core/message.js';
import { CONTENT_LIMITS, type MessageContent } from '../store/message-content.js';

/**
 * What the email page will show of a message, cut to CONTENT_LIMITS so one huge or hostile
 * email cannot bloat the store. The parser has already bounded everything (mail/limits.ts), but
 * far more generously than a page needs; `truncated` tells the page that it shows less than
 * the analysis saw.
 */
export function messageContentOf(message: Message): MessageContent {
  let truncated = false;
  const cut = (text: string, limit: number): string => {
    if (text.length <= limit) return text;
    truncated = true;
    return cutAt(text, limit);
  };
  const first = <T>(items: readonly T[], limit: number): readonly T[] => {
    if (items.length <= limit) return items;
    truncated = true;
    return items.slice(0, limit);
  };

  const headers = first(message.headers, CONTENT_LIMITS.headers).map((h) => ({ name: h.name, value: cut(h.value, CONTENT_LIMITS.headerValueChars) }));
  const text = cut(message.text, CONTENT_LIMITS.textChars);
  const html = message.html === null ? null : cut(message.html, CONTENT_LIMITS.htmlChars);
  const links = first(message.links, CONTENT_LIMITS.links).map((l) => ({ href: l.href, text: l.text, host: l.host, registrableDomain: l.registrableDomain, textDomain: l.textDomain, source: l.source }));
  const attachments = first(message.attachments, CONTENT_LIMITS.attachments).map((a) => ({
    filename: a.filename,
    declaredType: a.declaredType,
    detectedType: a.detectedType,
    size: a.size,
    sha256: a.sha256,
    disposition: a.disposition,
    traits: [...(a.traits ?? [])],
  }));
  return { headers, text, html, links, attachments, auth: { ...message.auth }, truncated };
}

/** The first `limit` UTF-16 units, without splitting a surrogate pair (a lone half is not text). */
function cutAt(text: string, limit: number): string {
  const last = text.charCodeAt(limit - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? limit - 1 : limit);
}
