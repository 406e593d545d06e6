/**
 * Raw bytes → ParsedMessage. The MIME library (postal-mime, chosen on evidence in
 * docs/parser-choice.md) decodes bodies and attachments; everything a check relies on for
 * identity (headers, addresses, Received, links) is read by our own bounded code so the
 * result is complete even when the library gives up. Never throws: problems become defects.
 */
import { createHash } from 'node:crypto';
import PostalMime, { decodeWords, type Email } from 'postal-mime';
import type { Envelope, Link, Message } from '../core/message.js';
import { parseAddressList, parseSingleAddress } from './addresses.js';
import { toAttachments } from './attachments.js';
import { type HeaderField, mboxPrefixLength, readHeaders } from './headers.js';
import { htmlToText } from './html-text.js';
import {
  MAX_HEADER_BLOCK_BYTES,
  MAX_HTML_CHARS,
  MAX_MESSAGE_BYTES,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_RECEIVED_HOPS,
  MAX_RFC822_DEPTH,
  MAX_TEXT_CHARS,
} from './limits.js';
import { linksFromHtml, linksFromText } from './links.js';
import { parseReceived } from './received.js';

export { looksLikeEmail } from './headers.js';

/** Message without authentication results: mail/auth.ts adds those and the engine combines them. */
export type ParsedMessage = Omit<Message, 'auth'>;

export interface ParseOptions {
  readonly envelope?: Envelope | null;
}

const MAX_REFERENCES = 100;

/**
 * Cuts the MIME input after MAX_MIME_PARTS boundary-looking lines. The library's cost is
 * linear in the number of parts but unbounded; counting `\n--` is a cheap upper bound on parts.
 */
function boundParts(mime: Buffer, defects: string[]): Buffer {
  let count = 0;
  let at = mime.indexOf('\n--');
  while (at >= 0) {
    if (++count > MAX_MIME_PARTS * 2) {
      defects.push('mime-parts-truncated');
      return mime.subarray(0, at + 1);
    }
    at = mime.indexOf('\n--', at + 3);
  }
  return mime;
}

function clip(text: string, max: number, defect: string, defects: string[]): string {
  if (text.length <= max) return text;
  defects.push(defect);
  return text.slice(0, max);
}

function parseDate(value: string | undefined, defects: string[]): number | null {
  if (value === undefined) {
    defects.push('missing-date');
    return null;
  }
  const cleaned = value.replace(/\([^)]*\)/g, ' ').trim();
  const ms = Date.parse(cleaned);
  if (Number.isFinite(ms)) return ms;
  // Outlook-era mailers wrote `+-0500` for a negative offset; the intent is unambiguous.
  const repaired = Date.parse(cleaned.replace(/\+-(\d{4})\b/, '-$1'));
  if (Number.isFinite(repaired)) {
    defects.push('date-repaired');
    return repaired;
  }
  defects.push('date-unparseable');
  return null;
}

const msgIds = (value: string | undefined): string[] => (value ? [...value.matchAll(/<[^<>\s]{1,998}>/g)].map((m) => m[0]) : []);

function singleId(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  return msgIds(v)[0] ?? v.split(/\s+/)[0] ?? null;
}

async function mimeParse(mime: Buffer, defects: string[]): Promise<Email | null> {
  try {
    return await PostalMime.parse(mime, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_MIME_DEPTH,
      maxHeadersSize: MAX_HEADER_BLOCK_BYTES * 2,
      maxRfc822NestingDepth: MAX_RFC822_DEPTH,
    });
  } catch (error) {
    defects.push(`mime-unparseable:${error instanceof Error ? error.message.slice(0, 120) : 'unknown'}`);
    return null;
  }
}

function build(raw: Buffer, options: ParseOptions, defects: string[], email: Email | null, headers: HeaderField[], bodyFallback: string): ParsedMessage {
  const first = (name: string): string | undefined => headers.find((h) => h.name === name)?.value;
  const count = (name: string): number => headers.filter((h) => h.name === name).length;
  for (const name of ['from', 'subject', 'date', 'message-id', 'to', 'reply-to', 'sender']) {
    if (count(name) > 1) defects.push(`duplicate-header:${name}`);
  }

  const from = parseSingleAddress(first('from'), defects, 'from');
  if (!from) defects.push('missing-from');
  const messageId = singleId(first('message-id'));
  if (!messageId) defects.push('missing-message-id');

  let html = email?.html ?? null;
  if (html !== null) html = clip(html, MAX_HTML_CHARS, 'html-truncated', defects);
  let text = email ? (email.text ?? '') : bodyFallback;
  if (text.trim() === '' && html) text = htmlToText(html);
  text = clip(text.replace(/\0/g, ''), MAX_TEXT_CHARS, 'text-truncated', defects);

  const htmlLinks: Link[] = html ? linksFromHtml(html, defects) : [];
  const links = [...htmlLinks, ...linksFromText(text, htmlLinks, defects)];

  const receivedValues = headers.filter((h) => h.name === 'received').map((h) => h.value);
  if (receivedValues.length > MAX_RECEIVED_HOPS) defects.push(`received-truncated:${receivedValues.length}`);

  const references = msgIds(first('references'));
  if (references.length > MAX_REFERENCES) defects.push('references-truncated');
  const listId = first('list-id');

  return {
    digest: createHash('sha256').update(raw).digest('hex'),
    messageId,
    date: parseDate(first('date'), defects),
    envelope: options.envelope ?? null,
    from,
    sender: parseSingleAddress(first('sender'), defects, 'sender'),
    replyTo: parseAddressList(first('reply-to'), defects, 'reply-to'),
    to: parseAddressList(headers.filter((h) => h.name === 'to').map((h) => h.value).join(', '), defects, 'to'),
    cc: parseAddressList(headers.filter((h) => h.name === 'cc').map((h) => h.value).join(', '), defects, 'cc'),
    returnPath: parseSingleAddress(first('return-path'), defects, 'return-path'),
    subject: decodeWords(first('subject') ?? '').replace(/\s+/g, ' ').trim(),
    headers,
    received: receivedValues.slice(0, MAX_RECEIVED_HOPS).map(parseReceived),
    text,
    html,
    links,
    attachments: email ? toAttachments(email.attachments, defects) : [],
    thread: { inReplyTo: singleId(first('in-reply-to')), references: references.slice(-MAX_REFERENCES) },
    mailer: first('x-mailer') ?? first('user-agent') ?? null,
    listId: listId ? (/<([^<>]{1,255})>/.exec(listId)?.[1] ?? listId).toLowerCase() : null,
    size: raw.length,
    defects: [...new Set(defects)],
  };
}

export async function parseMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParsedMessage> {
  const defects: string[] = [];
  try {
    let work = raw;
    if (raw.length > MAX_MESSAGE_BYTES) {
      defects.push(`message-truncated:${raw.length}`);
      work = raw.subarray(0, MAX_MESSAGE_BYTES);
    }
    if (work.length === 0) defects.push('empty-message');
    const block = readHeaders(work);
    defects.push(...block.defects);
    const mime = boundParts(work.subarray(mboxPrefixLength(work)), defects);
    const email = await mimeParse(mime, defects);
    const fallback = email ? '' : new TextDecoder('utf-8').decode(work.subarray(block.bodyOffset, block.bodyOffset + MAX_TEXT_CHARS));
    return build(raw, options, defects, email, block.headers, fallback);
  } catch (error) {
    // Last resort: a bug in our own code must not lose the message; analysis proceeds on little.
    defects.push(`parser-error:${error instanceof Error ? error.message.slice(0, 120) : 'unknown'}`);
    return build(raw, options, defects, null, [], '');
  }
}
