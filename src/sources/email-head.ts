/**
 * Cheap sniffing of a file's first bytes: is it mail, and what are its header fields? Works on
 * latin1 strings so that any byte survives and no decoding can throw.
 */

/** field-name ":"; obsolete syntax (RFC 5322 §4.5) allows blanks before the colon. */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
/** An mbox separator. "From :" and "From  : x" are header fields, not separators. */
const FROM_LINE = /^From (?![ \t]*:)/;
/** How far we look for binary bytes; a NUL this early means it is not a text message. */
const BINARY_SNIFF_BYTES = 8192;

export function isFromLine(line: string): boolean {
  return FROM_LINE.test(line);
}

function looksBinary(head: Buffer): boolean {
  const end = Math.min(head.length, BINARY_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return true;
    // TAB, LF, FF, CR are text; ESC appears in ISO-2022-JP headers.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > end / 100;
}

function firstLines(head: Buffer, count: number): string[] {
  let text = head.subarray(0, Math.min(head.length, 4096)).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  return text.split('\n', count).map((line) => line.replace(/\r$/, ''));
}

/**
 * True when the bytes start like an RFC 5322 message: not binary, and the first line (after an
 * optional mbox From_ line) is a header field. Mail always starts with a header field, so this
 * rejects licences, READMEs and the like without parsing anything.
 */
export function looksLikeEmailHead(head: Buffer): boolean {
  if (head.length === 0 || looksBinary(head)) return false;
  const lines = firstLines(head, 2);
  const first = lines[0] !== undefined && isFromLine(lines[0]) ? lines[1] : lines[0];
  return first !== undefined && HEADER_LINE.test(first);
}

/** Index just past the header block (the blank line), or `head.length` when not found. */
export function headerBlockEnd(head: Buffer): number {
  const lf = head.indexOf('\n\n');
  const crlf = head.indexOf('\n\r\n');
  const ends = [lf === -1 ? -1 : lf + 2, crlf === -1 ? -1 : crlf + 3].filter((n) => n >= 0);
  return ends.length === 0 ? head.length : Math.min(...ends);
}

export interface HeaderField {
  /** Lower-cased field name. */
  readonly name: string;
  readonly value: string;
}

/** Unfolded header fields of the block at the start of `head`, in order. */
export function readHeaderFields(head: Buffer): HeaderField[] {
  const lines = head.subarray(0, headerBlockEnd(head)).toString('latin1').split(/\r?\n/);
  const fields: { name: string; value: string }[] = [];
  for (const line of lines) {
    if (line === '' || isFromLine(line)) continue;
    const last = fields[fields.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}
