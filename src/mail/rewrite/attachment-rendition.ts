import { createHash } from 'node:crypto';
import { htmlToText } from '../html-text.js';
import { decodeEncodedWords } from './header-fields.js';
import type { MimeNode } from './mime-tree.js';
import { decodeTransfer } from './text-codec.js';

/** How much of a text-like attachment the converted rendition quotes. */
export const CONVERT_PREVIEW_BYTES = 8 * 1024;

const TEXT_LIKE = /^(text\/|application\/(json|xml|csv|x-csv|javascript|ecmascript|x-sh|rtf)|image\/svg\+xml)/u;

export interface Replacement {
  readonly contentType: string;
  readonly body: string;
  readonly disposition: string;
}

function describe(raw: Buffer, node: MimeNode): { name: string; lines: string[]; bytes: Buffer } {
  const bytes = decodeTransfer(raw.subarray(node.bodyStart, node.end), node.transferEncoding);
  const name = decodeEncodedWords(node.filename ?? 'unnamed attachment');
  const lines = [`File: ${name}`, `Declared type: ${node.contentType}`, `Size: ${bytes.length} bytes`, `SHA-256: ${createHash('sha256').update(bytes).digest('hex')}`];
  return { name, lines, bytes };
}

/** File names we write: no path, no quotes or control characters. */
function safeName(name: string): string {
  return name.replace(/[\\/"\r\n\0]/gu, '_').slice(0, 120);
}

/** A safe text rendition: what the file was, and for text-like files the first few KB of their text. */
export function convertAttachment(raw: Buffer, node: MimeNode, reason: string): Replacement {
  const { name, lines, bytes } = describe(raw, node);
  const out = ['belong replaced this attachment with a safe text rendition.', `Why: ${reason}`, '', ...lines];
  if (TEXT_LIKE.test(node.contentType)) {
    let text = new TextDecoder('utf-8').decode(bytes.subarray(0, CONVERT_PREVIEW_BYTES));
    if (/html/u.test(node.contentType) || /\.html?$/iu.test(name)) text = htmlToText(text);
    out.push('', `--- first ${Math.min(bytes.length, CONVERT_PREVIEW_BYTES)} bytes as text ---`, text);
  } else {
    out.push('', 'The content is not text, so it is not shown. Ask your security team for the original if you need it.');
  }
  return { contentType: 'text/plain; charset=utf-8', body: `${out.join('\n')}\n`, disposition: `attachment; filename="${safeName(`${name}.txt`)}"` };
}

export function stripAttachment(raw: Buffer, node: MimeNode, reason: string): Replacement {
  const { name, lines } = describe(raw, node);
  const out = ['belong removed this attachment.', `Why: ${reason}`, '', ...lines, '', 'Ask your security team to release the original if you expected it.'];
  return { contentType: 'text/plain; charset=utf-8', body: `${out.join('\n')}\n`, disposition: `attachment; filename="${safeName(`${name} (removed).txt`)}"` };
}
