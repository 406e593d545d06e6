/**
 * Our own reader for the top-level header block. The MIME library parses the body, but the
 * header list must survive inputs the library rejects (too deep, junk), keep duplicates in
 * order (Received, Authentication-Results) and be bounded by our limits, not the library's.
 */
import { MAX_HEADER_BLOCK_BYTES, MAX_HEADER_VALUE_CHARS, MAX_HEADERS } from './limits.js';

export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

export interface HeaderBlock {
  readonly headers: HeaderField[];
  /** Byte offset where the body starts (after the blank line), or raw.length when there is none. */
  readonly bodyOffset: number;
  readonly defects: string[];
}

// RFC 5322 field-name: printable ASCII except colon; we also allow whitespace before the colon
// because real mail (and the RFC 822 obsolete syntax) has `Subject :`.
const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw 8-bit headers are usually UTF-8 (RFC 6532) and otherwise, in practice, Latin-1. */
export function decodeHeaderBytes(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: utf8.decode(bytes), latin1: false };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), latin1: true };
  }
}

/** Length of an mbox `From ` separator line at the start, so stored mailboxes parse too. */
export function mboxPrefixLength(raw: Buffer): number {
  if (raw.length < 5 || raw.toString('latin1', 0, 5) !== 'From ') return 0;
  const nl = raw.indexOf(0x0a);
  return nl < 0 ? 0 : nl + 1;
}

/** Where the header block ends: the first empty line (CRLF or LF), bounded. */
function headerEnd(raw: Buffer, start: number): { end: number; bodyOffset: number } {
  const limit = Math.min(raw.length, start + MAX_HEADER_BLOCK_BYTES);
  let i = start;
  // A message that starts with a blank line has no headers at all.
  if (raw[i] === 0x0a) return { end: i, bodyOffset: i + 1 };
  if (raw[i] === 0x0d && raw[i + 1] === 0x0a) return { end: i, bodyOffset: i + 2 };
  while (i < limit) {
    const nl = raw.indexOf(0x0a, i);
    if (nl < 0 || nl >= limit) break;
    const next = nl + 1;
    if (raw[next] === 0x0a) return { end: next, bodyOffset: next + 1 };
    if (raw[next] === 0x0d && raw[next + 1] === 0x0a) return { end: next, bodyOffset: next + 2 };
    i = next;
  }
  return { end: limit, bodyOffset: limit };
}

export function readHeaders(raw: Buffer): HeaderBlock {
  const defects: string[] = [];
  const start = mboxPrefixLength(raw);
  const { end, bodyOffset } = headerEnd(raw, start);
  if (end - start >= MAX_HEADER_BLOCK_BYTES) defects.push('header-block-truncated');
  const { text, latin1 } = decodeHeaderBytes(raw.subarray(start, end));
  if (latin1) defects.push('header-8bit-not-utf8');
  if (text.includes('\0')) defects.push('header-nul-bytes');

  const headers: HeaderField[] = [];
  let current: { name: string; parts: string[] } | null = null;
  let strayLines = 0;
  let dropped = 0;
  const flush = (): void => {
    if (!current) return;
    let value = current.parts.join(' ').replace(/\0/g, '').trim();
    if (value.length > MAX_HEADER_VALUE_CHARS) {
      value = value.slice(0, MAX_HEADER_VALUE_CHARS);
      defects.push(`header-value-truncated:${current.name}`);
    }
    if (headers.length < MAX_HEADERS) headers.push({ name: current.name, value });
    else dropped++;
    current = null;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && current) {
      // Bound work on folded floods as well: stop collecting once the value is over the limit.
      if (current.parts.length < 4096) current.parts.push(line.trim());
      continue;
    }
    const m = FIELD.exec(line);
    if (m?.[1]) {
      flush();
      current = { name: m[1].toLowerCase(), parts: [line.slice(m[0].length)] };
    } else {
      strayLines++;
    }
  }
  flush();
  if (dropped > 0) defects.push(`headers-truncated:${dropped}`);
  if (strayLines > 0) defects.push(`header-lines-malformed:${strayLines}`);
  if (headers.length === 0) defects.push('no-headers');
  return { headers, bodyOffset, defects };
}

// Names a mail file almost always carries near the top; any one suffices.
const MAIL_HEADERS = new Set([
  'from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path', 'delivered-to',
  'mime-version', 'content-type', 'reply-to', 'sender', 'x-mailer', 'dkim-signature', 'authentication-results',
  'x-original-to', 'envelope-to', 'in-reply-to', 'references', 'arc-seal', 'x-received', 'list-id',
]);

/**
 * True when the bytes start like an email: the first line (after an optional mbox `From `
 * line or BOM) is a header field and the first header lines include a mail header. Callers
 * use this to refuse non-email files; parseMessage itself accepts anything.
 */
export function looksLikeEmail(raw: Buffer): boolean {
  let start = mboxPrefixLength(raw);
  if (raw[start] === 0xef && raw[start + 1] === 0xbb && raw[start + 2] === 0xbf) start += 3;
  const lines = raw.toString('latin1', start, Math.min(raw.length, start + 16 * 1024)).split(/\r?\n/, 50);
  const first = lines[0];
  if (first === undefined || !FIELD.test(first)) return false;
  for (const line of lines) {
    if (line === '') break;
    const name = FIELD.exec(line)?.[1]?.toLowerCase();
    if (name && MAIL_HEADERS.has(name)) return true;
  }
  return false;
}
