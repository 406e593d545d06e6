import { open, readFile } from 'node:fs/promises';
import { ERROR_CODES } from '../errors.js';
import { looksLikeEmailHead } from './email-head.js';
import type { SourceLimits } from './limits.js';
import { MAX_HEAD_BYTES } from './limits.js';
import { dateFromHead } from './mail-date.js';
import { isMboxHead, splitMbox, unescapeFromLines } from './mbox.js';
import { fsProblem, problem } from './problems.js';
import type { Collected, MailItem } from './types.js';

/** One regular file → its messages (one, or an mbox's records) and what was wrong with it. */

function tooLarge(subject: string, size: number, limit: number): Collected['problems'][number] {
  return problem(ERROR_CODES.TOO_LARGE, `${size} bytes is over the ${limit}-byte limit`, subject);
}

/** Reads the file again at load time; it may have changed or gone since it was collected. */
function fileLoader(path: string, limits: SourceLimits): () => Promise<Buffer> {
  return async () => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw fsProblem(error, path).error;
    }
    if (bytes.length > limits.maxMessageBytes) throw tooLarge(path, bytes.length, limits.maxMessageBytes).error;
    return bytes;
  };
}

function mboxRecords(path: string, whole: Buffer, limits: SourceLimits): Collected {
  const out: Collected = { items: [], problems: [] };
  splitMbox(whole).forEach((record, index) => {
    const origin = `${path}#${index + 1}`;
    const bytes = whole.subarray(record.start, record.end);
    if (bytes.toString('latin1').trim() === '') {
      out.problems.push(problem(ERROR_CODES.MBOX_RECORD, 'empty mbox record', origin));
    } else if (!looksLikeEmailHead(bytes)) {
      out.problems.push(problem(ERROR_CODES.MBOX_RECORD, 'mbox record has no header lines', origin));
    } else if (bytes.length > limits.maxMessageBytes) {
      out.problems.push(tooLarge(origin, bytes.length, limits.maxMessageBytes));
    } else {
      const date = dateFromHead(bytes.subarray(0, MAX_HEAD_BYTES));
      out.items.push({ origin, date, load: () => Promise.resolve(unescapeFromLines(bytes)) });
    }
  });
  return out;
}

export async function readSource(path: string, limits: SourceLimits): Promise<Collected> {
  let head: Buffer;
  let size: number;
  let whole: Buffer | null = null;
  try {
    const handle = await open(path, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, MAX_HEAD_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
      // An mbox is read once, whole; its records are then slices of that one buffer.
      if (isMboxHead(head) && size <= limits.maxMboxBytes) whole = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { items: [], problems: [fsProblem(error, path)] };
  }
  if (isMboxHead(head)) {
    if (whole === null) return { items: [], problems: [tooLarge(path, size, limits.maxMboxBytes)] };
    return mboxRecords(path, whole, limits);
  }
  if (size === 0) return { items: [], problems: [problem(ERROR_CODES.NOT_AN_EMAIL, 'empty file', path)] };
  if (!looksLikeEmailHead(head)) {
    return { items: [], problems: [problem(ERROR_CODES.NOT_AN_EMAIL, 'does not start with an email header', path)] };
  }
  if (size > limits.maxMessageBytes) return { items: [], problems: [tooLarge(path, size, limits.maxMessageBytes)] };
  const item: MailItem = { origin: path, date: dateFromHead(head), load: fileLoader(path, limits) };
  return { items: [item], problems: [] };
}
