import { fieldValue, parseHeaderFields, parseStructuredValue, type HeaderField } from './header-fields.js';

/**
 * A structural MIME splitter that remembers where every part lies in the original bytes, so a
 * rewrite can replace some parts and leave every other byte exactly as received. Hand-written
 * because the libraries at hand (postal-mime, mailparser) return decoded parts without offsets.
 */
export interface MimeNode {
  /** Byte range of the whole part (headers + body) in the original message. */
  readonly start: number;
  readonly end: number;
  /** Byte offset where the body starts (after the blank line), === end when there is none. */
  readonly bodyStart: number;
  readonly fields: readonly HeaderField[];
  /** Lower-case `type/subtype`; `text/plain` when absent (RFC 2045 default). */
  readonly contentType: string;
  readonly params: Readonly<Record<string, string>>;
  readonly transferEncoding: string;
  readonly disposition: string | null;
  readonly filename: string | null;
  readonly children: readonly MimeNode[];
  /** The line ending the header section uses (kept when writing a replacement). */
  readonly eol: '\r\n' | '\n';
}

export class MimeStructureError extends Error {}

const MAX_DEPTH = 20;
const MAX_PARTS = 500;

function headerEnd(raw: Buffer, start: number, end: number): { headerEnd: number; bodyStart: number; eol: '\r\n' | '\n' } {
  if (raw.subarray(start, Math.min(end, start + 2)).toString('latin1') === '\r\n') return { headerEnd: start, bodyStart: start + 2, eol: '\r\n' };
  if (raw[start] === 0x0a) return { headerEnd: start, bodyStart: start + 1, eol: '\n' };
  const crlf = raw.indexOf('\r\n\r\n', start);
  const lf = raw.indexOf('\n\n', start);
  const candidates = [crlf === -1 || crlf >= end ? null : { headerEnd: crlf + 2, bodyStart: crlf + 4, eol: '\r\n' as const }, lf === -1 || lf >= end ? null : { headerEnd: lf + 1, bodyStart: lf + 2, eol: '\n' as const }].filter((c) => c !== null);
  candidates.sort((a, b) => a.headerEnd - b.headerEnd);
  return candidates[0] ?? { headerEnd: end, bodyStart: end, eol: raw.includes('\r\n') ? '\r\n' : '\n' };
}

/** Positions of the boundary delimiter lines inside [start, end): line start, after the line, closing or not. */
function delimiters(raw: Buffer, start: number, end: number, boundary: string): Array<{ lineStart: number; next: number; closing: boolean }> {
  const marker = `--${boundary}`;
  const found: Array<{ lineStart: number; next: number; closing: boolean }> = [];
  let at = raw.indexOf(marker, start, 'latin1');
  while (at !== -1 && at < end) {
    const atLineStart = at === start || raw[at - 1] === 0x0a;
    const lineEnd = raw.indexOf(0x0a, at);
    const stop = lineEnd === -1 || lineEnd >= end ? end : lineEnd + 1;
    const rest = raw.subarray(at + marker.length, stop).toString('latin1');
    if (atLineStart && /^(--)?[ \t]*\r?\n?$/u.test(rest)) found.push({ lineStart: at, next: stop, closing: rest.startsWith('--') });
    at = raw.indexOf(marker, at + marker.length, 'latin1');
  }
  return found;
}

function parseNode(raw: Buffer, start: number, end: number, depth: number, count: { parts: number }, parentType: string): MimeNode {
  if (depth > MAX_DEPTH) throw new MimeStructureError(`MIME nesting deeper than ${MAX_DEPTH}`);
  count.parts += 1;
  if (count.parts > MAX_PARTS) throw new MimeStructureError(`more than ${MAX_PARTS} MIME parts`);
  const { headerEnd: hEnd, bodyStart, eol } = headerEnd(raw, start, end);
  const fields = parseHeaderFields(raw.subarray(start, hEnd));
  const declared = parseStructuredValue(fieldValue(fields, 'content-type'));
  const contentType = declared.value || (parentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
  const disposition = parseStructuredValue(fieldValue(fields, 'content-disposition'));
  const filename = disposition.params.filename ?? declared.params.name ?? null;
  const children: MimeNode[] = [];
  if (contentType.startsWith('multipart/')) {
    const boundary = declared.params.boundary;
    if (!boundary) throw new MimeStructureError(`${contentType} without a boundary`);
    const lines = delimiters(raw, bodyStart, end, boundary);
    if (lines.length === 0) throw new MimeStructureError(`${contentType}: boundary never appears`);
    if (!lines.some((l) => l.closing)) throw new MimeStructureError(`${contentType}: no closing boundary`);
    for (let i = 0; i + 1 < lines.length && !(lines[i] as { closing: boolean }).closing; i += 1) {
      const open = lines[i] as { next: number };
      const close = lines[i + 1] as { lineStart: number };
      // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      let partEnd = close.lineStart;
      if (raw[partEnd - 1] === 0x0a) partEnd -= raw[partEnd - 2] === 0x0d ? 2 : 1;
      children.push(parseNode(raw, open.next, Math.max(open.next, partEnd), depth + 1, count, contentType));
    }
  }
  return {
    start,
    end,
    bodyStart,
    fields,
    contentType,
    params: declared.params,
    transferEncoding: (fieldValue(fields, 'content-transfer-encoding') ?? '7bit').toLowerCase().trim(),
    disposition: disposition.value || null,
    filename,
    children,
    eol,
  };
}

export function parseMimeTree(raw: Buffer): MimeNode {
  return parseNode(raw, 0, raw.length, 0, { parts: 0 }, '');
}

/** Every leaf part, depth first, in document order. */
export function leaves(node: MimeNode): MimeNode[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(leaves);
}

/** A byte-range replacement; applied back to front so earlier offsets stay valid. */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly bytes: Buffer;
}

export function applySplices(raw: Buffer, splices: readonly Splice[]): Buffer {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  const out: Buffer[] = [];
  let at = 0;
  for (const s of ordered) {
    if (s.start < at) throw new MimeStructureError('overlapping rewrites');
    out.push(raw.subarray(at, s.start), s.bytes);
    at = s.end;
  }
  out.push(raw.subarray(at));
  return Buffer.concat(out);
}
