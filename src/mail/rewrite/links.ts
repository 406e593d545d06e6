import { decodeEntities } from '../html-text.js';
import { escapeHtml } from './banner.js';

/** What to do with each web link: lock/double_lock send it through belong's page, remove drops it. */
export type LinkMode = 'lock' | 'remove';

/** Gives the rewritten target for the n-th link (a signed `/l/<token>` URL). */
export type LinkTarget = (url: string) => string;

const WEB_URL = /^https?:\/\//iu;
const REMOVED_TEXT = '[link removed by belong]';

/** Rewrites href values of <a> and <area> (http/https only: mailto:, cid: and anchors stay). */
export function rewriteHtmlLinks(html: string, mode: LinkMode, target: LinkTarget): { html: string; count: number } {
  let count = 0;
  const pattern = /(<(?:a|area)\b[^>]*?\s)href(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/giu;
  const out = html.replace(pattern, (whole, before: string, equals: string, quoted: string) => {
    const value = decodeEntities(quoted.replace(/^["']|["']$/gu, '').trim());
    if (!WEB_URL.test(value)) return whole;
    count += 1;
    if (mode === 'remove') return `${before}data-belong-link-removed="true" title="${escapeHtml(REMOVED_TEXT)}"`;
    return `${before}href${equals}"${escapeHtml(target(value))}"`;
  });
  return { html: out, count };
}

/** Rewrites bare http(s) URLs in plain text (trailing punctuation stays outside the link). */
export function rewriteTextLinks(text: string, mode: LinkMode, target: LinkTarget): { text: string; count: number } {
  let count = 0;
  const out = text.replace(/https?:\/\/[^\s<>"']+/giu, (url) => {
    const trail = /[).,;:!?\]]+$/u.exec(url)?.[0] ?? '';
    const clean = url.slice(0, url.length - trail.length);
    count += 1;
    return `${mode === 'remove' ? REMOVED_TEXT : target(clean)}${trail}`;
  });
  return { text: out, count };
}
