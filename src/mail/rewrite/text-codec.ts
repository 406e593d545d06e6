import type { MimeNode } from './mime-tree.js';

export class UnsupportedContentError extends Error {}

/** Content-Transfer-Encoding decoding (the bytes of the body as sent → the bytes they stand for). */
export function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = body.toString('latin1').replace(/=\r?\n/gu, '');
    return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/gu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  if (['7bit', '8bit', 'binary', ''].includes(encoding)) return body;
  throw new UnsupportedContentError(`unknown transfer encoding ${encoding}`);
}

/** A text part's body as a string; an unknown charset is refused rather than guessed. */
export function decodeTextPart(raw: Buffer, node: MimeNode): string {
  const bytes = decodeTransfer(raw.subarray(node.bodyStart, node.end), node.transferEncoding);
  const charset = (node.params.charset ?? 'us-ascii').toLowerCase();
  try {
    return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset, { fatal: false }).decode(bytes);
  } catch {
    throw new UnsupportedContentError(`unknown charset ${charset}`);
  }
}

/** base64 in lines of 76 (RFC 2045), so no line limit is ever hit whatever the content. */
export function base64Lines(bytes: Buffer, eol: string): string {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(eol);
}

/**
 * A replacement for a part: its header fields other than the content ones are kept in order
 * (Content-ID, Content-Description...), then the new Content-Type and transfer encoding.
 */
export function buildPart(raw: Buffer, node: MimeNode, contentType: string, body: string, extraFields: readonly string[] = []): Buffer {
  const eol = node.eol;
  const header = raw.subarray(node.start, node.bodyStart).toString('latin1');
  const kept: string[] = [];
  let dropping = false;
  for (const line of header.split(/(?<=\n)/u)) {
    if (line === '\r\n' || line === '\n') continue;
    if (!/^[ \t]/u.test(line)) dropping = /^content-(type|transfer-encoding|disposition|length)\s*:/iu.test(line);
    if (!dropping) kept.push(line.endsWith('\n') ? line : `${line}${eol}`);
  }
  const fields = [...kept.map((l) => l.replace(/\r?\n$/u, '')), `Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...extraFields];
  return Buffer.from(`${fields.join(eol)}${eol}${eol}${base64Lines(Buffer.from(body, 'utf8'), eol)}${eol}`, 'latin1');
}
