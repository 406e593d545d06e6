import type { ActionPlan, DeliveryAction } from '../../core/verdict.js';
import { insertHtmlBanner, textBanner, type BannerText } from './banner.js';
import { convertAttachment, stripAttachment } from './attachment-rendition.js';
import { encodeHeaderText } from './header-fields.js';
import { signLinkToken } from './link-token.js';
import { rewriteHtmlLinks, rewriteTextLinks, type LinkMode } from './links.js';
import { applySplices, leaves, MimeStructureError, parseMimeTree, type MimeNode, type Splice } from './mime-tree.js';
import { buildPart, decodeTextPart, UnsupportedContentError } from './text-codec.js';

export interface RewriteOptions {
  readonly plan: ActionPlan;
  readonly verdict: { readonly id: string; readonly reason: string };
  /** Where belong's web server answers `/l/<token>` (no trailing slash needed). */
  readonly linkBaseUrl: string;
  readonly linkSecret: string | Buffer;
}

export interface RewriteResult {
  /** The message to deliver (the original bytes when nothing was or could be changed). */
  readonly raw: Buffer;
  /** Delivery after rewriting: the plan's, or `hold` when a rewrite it demands was impossible. */
  readonly delivery: DeliveryAction;
  readonly changed: { readonly banner: boolean; readonly links: number; readonly attachments: number; readonly subjectTag: boolean };
  /** Why the message could not be rewritten, or null. */
  readonly fallback: string | null;
  /** `X-Belong-Rewrite` saying what was done (the caller prepends it with the verdict headers). */
  readonly headers: Array<[string, string]>;
}

/** Content that a rewrite would invalidate or cannot see into: signed or encrypted S/MIME, PGP. */
const UNREWRITABLE = /^(multipart\/(signed|encrypted)|application\/(x-)?pkcs7-mime)$/u;

function isBodyText(node: MimeNode): boolean {
  return (node.contentType === 'text/plain' || node.contentType === 'text/html') && node.disposition !== 'attachment' && node.filename === null;
}

function wantsBanner(delivery: DeliveryAction): boolean {
  return delivery === 'banner' || delivery === 'junk';
}

/** Prefixes the top-level Subject (the original, possibly encoded, value is kept after the tag). */
function subjectSplice(raw: Buffer, root: MimeNode, tag: string): Splice | null {
  const header = raw.subarray(0, root.bodyStart).toString('latin1');
  const match = /(^|\n)Subject:[ \t]?/iu.exec(header);
  if (!match) return null;
  const at = Buffer.byteLength(header.slice(0, match.index + match[0].length), 'latin1');
  return { start: at, end: at, bytes: Buffer.from(`${encodeHeaderText(tag)} `, 'latin1') };
}

function rewriteText(raw: Buffer, node: MimeNode, banner: BannerText | null, linkMode: LinkMode | null, target: (url: string) => string): { bytes: Buffer; links: number } | null {
  const text = decodeTextPart(raw, node);
  let out = text;
  let links = 0;
  if (node.contentType === 'text/html') {
    if (linkMode) ({ html: out, count: links } = rewriteHtmlLinks(out, linkMode, target));
    if (banner) out = insertHtmlBanner(out, banner);
    // The part becomes UTF-8: a <meta> charset left from the original would contradict it.
    if (out !== text) out = out.replace(/(<meta\b[^>]*charset\s*=\s*["']?)[\w-]+/giu, '$1utf-8');
  } else {
    if (linkMode) ({ text: out, count: links } = rewriteTextLinks(out, linkMode, target));
    if (banner) out = `${textBanner(banner)}${out}`;
  }
  if (out === text) return null;
  const format = node.params.format === 'flowed' ? '; format=flowed' : '';
  return { bytes: buildPart(raw, node, `${node.contentType}; charset=utf-8${format}`, out), links };
}

function describe(plan: ActionPlan, changed: RewriteResult['changed']): string {
  const parts = [changed.banner ? 'banner' : null, changed.links > 0 ? `links=${plan.links} (${changed.links})` : null, changed.attachments > 0 ? `attachments=${plan.attachments} (${changed.attachments})` : null, changed.subjectTag ? 'subject-tag' : null];
  return parts.filter(Boolean).join('; ') || 'none';
}

/**
 * Carries out an action plan on the raw message. Every part it does not change stays byte for
 * byte as received; a message it cannot rewrite is never dropped: it goes out unchanged with a
 * header saying why (banner-only), or is held when the plan needs its links or attachments
 * neutralised.
 */
export function rewriteMessage(raw: Buffer, options: RewriteOptions): RewriteResult {
  const { plan } = options;
  const banner: BannerText | null = wantsBanner(plan.delivery) ? { title: 'Caution: belong flagged this email', reason: options.verdict.reason } : null;
  const linkMode: LinkMode | null = plan.links === 'none' ? null : plan.links === 'remove' ? 'remove' : 'lock';
  const nothing = { banner: false, links: 0, attachments: 0, subjectTag: false };
  if (!banner && !linkMode && plan.attachments === 'none' && !plan.subjectTag) {
    return { raw, delivery: plan.delivery, changed: nothing, fallback: null, headers: [] };
  }
  let index = 0;
  const base = options.linkBaseUrl.replace(/\/+$/u, '');
  const target = (url: string): string => `${base}/l/${signLinkToken(options.linkSecret, { verdictId: options.verdict.id, url, index: index++ })}`;
  try {
    const root = parseMimeTree(raw);
    const all = [root, ...leaves(root)];
    const blocked = all.find((n) => UNREWRITABLE.test(n.contentType));
    if (blocked) throw new UnsupportedContentError(`${blocked.contentType} content would be invalidated by a rewrite`);
    const splices: Splice[] = [];
    let links = 0;
    let attachments = 0;
    let bannered = false;
    for (const leaf of leaves(root)) {
      if (isBodyText(leaf)) {
        const done = rewriteText(raw, leaf, banner, linkMode, target);
        if (!done) continue;
        splices.push({ start: leaf.start, end: leaf.end, bytes: leaf === root ? withMimeVersion(raw, root, done.bytes) : done.bytes });
        links += done.links;
        bannered ||= banner !== null;
      } else if (plan.attachments !== 'none' && !leaf.contentType.startsWith('multipart/')) {
        const why = `${options.verdict.reason} (verdict ${options.verdict.id})`;
        const replacement = plan.attachments === 'convert' ? convertAttachment(raw, leaf, why) : stripAttachment(raw, leaf, why);
        const bytes = buildPart(raw, leaf, replacement.contentType, replacement.body, [`Content-Disposition: ${replacement.disposition}`]);
        splices.push({ start: leaf.start, end: leaf.end, bytes: leaf === root ? withMimeVersion(raw, root, bytes) : bytes });
        attachments += 1;
      }
    }
    const subject = plan.subjectTag ? subjectSplice(raw, root, plan.subjectTag) : null;
    // A root rewrite already rebuilt the header section; the tag goes into that copy instead.
    const rootRewritten = splices.some((s) => s.start === root.start && s.end === root.end);
    let out = applySplices(raw, subject && !rootRewritten ? [...splices, subject] : splices);
    if (subject && rootRewritten) {
      const again = parseMimeTree(out);
      const late = subjectSplice(out, again, plan.subjectTag as string);
      if (late) out = applySplices(out, [late]);
    }
    const changed = { banner: bannered, links, attachments, subjectTag: subject !== null };
    return { raw: out, delivery: plan.delivery, changed, fallback: null, headers: [['X-Belong-Rewrite', describe(plan, changed)]] };
  } catch (error) {
    if (!(error instanceof MimeStructureError || error instanceof UnsupportedContentError)) throw error;
    const reason = error.message;
    const needsRewrite = linkMode !== null || plan.attachments !== 'none';
    const delivery: DeliveryAction = needsRewrite ? 'hold' : plan.delivery;
    const what = needsRewrite ? `not possible (${reason}); held because the plan needs links or attachments neutralised` : `not possible (${reason}); delivered unchanged, warning in headers only`;
    return { raw, delivery, changed: nothing, fallback: reason, headers: [['X-Belong-Rewrite', what], ...(banner ? [['X-Belong-Warning', banner.reason] as [string, string]] : [])] };
  }
}

/** A rebuilt top-level part keeps MIME-Version (or gains it: the new body is base64). */
function withMimeVersion(raw: Buffer, root: MimeNode, bytes: Buffer): Buffer {
  if (root.fields.some((f) => f.name === 'mime-version')) return bytes;
  return Buffer.concat([Buffer.from(`MIME-Version: 1.0${root.eol}`, 'latin1'), bytes]);
}
