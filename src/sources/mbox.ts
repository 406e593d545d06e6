import { isFromLine } from './email-head.js';

/**
 * mbox splitting. A record starts at a From_ line that begins the file or follows a blank
 * line; the blank line before the next From_ belongs to the format, not to the message.
 */

/** Byte range of one message inside the mbox, without its From_ line. */
export interface MboxRecord {
  readonly start: number;
  readonly end: number;
}

export function isMboxHead(head: Buffer): boolean {
  const newline = head.indexOf('\n');
  const line = head.subarray(0, newline === -1 ? Math.min(head.length, 256) : newline).toString('latin1');
  return isFromLine(line);
}

function lineEndAfter(buf: Buffer, from: number): number {
  const newline = buf.indexOf('\n', from);
  return newline === -1 ? buf.length : newline + 1;
}

/** The blank line before a From_ at `lf + 1` is "\n" or "\r\n" right before it. */
function blankLineStart(buf: Buffer, lf: number): number | null {
  if (lf === 0) return 0;
  if (buf[lf - 1] === 0x0a) return lf;
  if (buf[lf - 1] === 0x0d && (lf === 1 || buf[lf - 2] === 0x0a)) return lf - 1;
  return null;
}

/** Drop the one blank line mbox writers put after the last message. */
function trimFinalBlank(buf: Buffer, start: number, end: number): number {
  if (end - start >= 2 && buf[end - 1] === 0x0a && buf[end - 2] === 0x0a) return end - 1;
  if (end - start >= 4 && buf.subarray(end - 4, end).toString('latin1') === '\r\n\r\n') return end - 2;
  return end;
}

export function splitMbox(buf: Buffer): MboxRecord[] {
  const records: MboxRecord[] = [];
  let start = lineEndAfter(buf, 0);
  let search = start;
  for (;;) {
    const hit = buf.indexOf('\nFrom ', search);
    if (hit === -1) break;
    search = hit + 1;
    const blank = blankLineStart(buf, hit);
    const lineEnd = lineEndAfter(buf, hit + 1);
    if (blank === null || !isFromLine(buf.subarray(hit + 1, lineEnd).toString('latin1'))) continue;
    records.push({ start, end: Math.max(start, blank) });
    start = lineEnd;
    search = lineEnd;
  }
  records.push({ start, end: trimFinalBlank(buf, start, buf.length) });
  return records;
}

/** mboxrd unescaping (">From " → "From ", ">>From " → ">From "); also right for mboxo. */
export function unescapeFromLines(message: Buffer): Buffer {
  if (message.indexOf('>From ') === -1) return Buffer.from(message);
  const text = message.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}
