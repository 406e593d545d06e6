/**
 * Links from HTML anchors (href + visible text) and bare URLs in text. The anchor text
 * matters as much as the href: "www.bank.com" shown over a link to another domain is the
 * classic deception, so we record the domain the text names (textDomain).
 */
import type { Link } from '../core/message.js';
import { registrableDomain } from './domains.js';
import { decodeEntities } from './html-text.js';
import { MAX_LINK_CHARS, MAX_LINKS } from './limits.js';

// Quantifiers are bounded so an unterminated `<a` flood stays linear.
const ANCHOR = /<a\b([^>]{0,4096})>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^[\]]{1,2048}/gi;
// Visible text that is itself a URL or a domain (no spaces, has a dot-separated TLD-like tail).
const URLISH = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^\s/@:]+@)?([a-z0-9\u00a1-\uffff-]+(?:\.[a-z0-9\u00a1-\uffff-]+)*\.[a-z\u00a1-\uffff]{2,})\.?(?::\d+)?(?:[/?#]\S*)?$/i;

function hostOf(href: string): string | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ftp:') return null;
    return url.hostname.toLowerCase().replace(/^\[|\]$/g, '') || null;
  } catch {
    return null;
  }
}

export function textDomainOf(text: string): string | null {
  const t = text.trim().replace(/[.,;:!?)]+$/, '');
  if (t.length === 0 || t.length > 253 + 2048) return null;
  const m = URLISH.exec(t);
  return m?.[1] ? registrableDomain(m[1]) : null;
}

function makeLink(rawHref: string, text: string, source: Link['source']): Link {
  let href = rawHref.trim().slice(0, MAX_LINK_CHARS);
  // Bare `www.` URLs have no scheme; a mail client would still make them clickable over http.
  if (source === 'text' && /^www\./i.test(href)) href = `http://${href}`;
  const host = hostOf(href);
  return {
    href,
    text: text.slice(0, MAX_LINK_CHARS),
    host,
    registrableDomain: host ? registrableDomain(host) : null,
    textDomain: source === 'html' ? textDomainOf(text) : null,
    source,
  };
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]{0,4096}>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export function linksFromHtml(html: string, defects: string[]): Link[] {
  const links: Link[] = [];
  const lower = html.toLowerCase();
  let closeAt = -1;
  for (const m of html.matchAll(ANCHOR)) {
    const hrefMatch = HREF.exec(m[1] ?? '');
    if (!hrefMatch) continue;
    if (links.length >= MAX_LINKS) {
      defects.push('links-truncated');
      break;
    }
    const start = (m.index ?? 0) + m[0].length;
    // Search for `</a` only when the previous find is behind us: keeps the scan linear.
    if (closeAt < start && closeAt !== -2) {
      const found = lower.indexOf('</a', start);
      closeAt = found < 0 ? -2 : found;
    }
    const end = closeAt >= 0 ? Math.min(closeAt, start + MAX_LINK_CHARS * 4) : Math.min(html.length, start + 256);
    const href = decodeEntities(hrefMatch[1] ?? hrefMatch[2] ?? hrefMatch[3] ?? '');
    links.push(makeLink(href, stripTags(html.slice(start, end)), 'html'));
  }
  return links;
}

export function linksFromText(text: string, already: readonly Link[], defects: string[]): Link[] {
  const seen = new Set(already.map((l) => l.href));
  const links: Link[] = [];
  for (const m of text.matchAll(BARE_URL)) {
    if (already.length + links.length >= MAX_LINKS) {
      if (!defects.includes('links-truncated')) defects.push('links-truncated');
      break;
    }
    const link = makeLink(m[0].replace(/[.,;:!?)\]]+$/, ''), '', 'text');
    if (seen.has(link.href)) continue;
    seen.add(link.href);
    links.push(link);
  }
  return links;
}
