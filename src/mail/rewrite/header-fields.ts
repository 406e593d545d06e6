/**
 * Reading MIME header fields from raw bytes: unfolding, Content-Type style parameters and
 * RFC 2047 encoded words. Hand-written (small) because the rewriter needs them on the original
 * byte ranges it keeps; the parser's library (postal-mime) returns decoded parts only.
 */

export interface HeaderField {
  /** Lower-case field name. */
  readonly name: string;
  /** Unfolded value, leading/trailing space trimmed. */
  readonly value: string;
}

export function parseHeaderFields(headerBytes: Buffer): HeaderField[] {
  const text = headerBytes.toString('latin1');
  const fields: HeaderField[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (/^[ \t]/u.test(line) && fields.length > 0) {
      const last = fields.pop() as HeaderField;
      fields.push({ name: last.name, value: `${last.value} ${line.trim()}`.trim() });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

export function fieldValue(fields: readonly HeaderField[], name: string): string | null {
  return fields.find((f) => f.name === name)?.value ?? null;
}

/** `type/subtype; a=b; c="d e"` → value (lower-case) and parameters (names lower-case). */
export function parseStructuredValue(value: string | null): { value: string; params: Record<string, string> } {
  if (!value) return { value: '', params: {} };
  const semi = value.indexOf(';');
  const head = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const rest = semi === -1 ? '' : value.slice(semi + 1);
  const pattern = /\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)\s*;?/gu;
  for (const match of rest.matchAll(pattern)) {
    const name = (match[1] as string).toLowerCase();
    const raw = (match[2] as string).trim();
    params[name] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/gu, '$1') : raw;
  }
  return { value: head, params };
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?...?=); undecodable words stay as written. */
export function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=(\s+(?==\?))?/gu, (whole, charset: string, kind: string, text: string) => {
    try {
      const bytes = kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/gu, ' ').replace(/=([0-9A-Fa-f]{2})/gu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return new TextDecoder(charset.split('*')[0] as string).decode(bytes);
    } catch {
      return whole;
    }
  });
}

/** A header value we write: plain ASCII stays as is, anything else becomes one UTF-8 encoded word. */
export function encodeHeaderText(text: string): string {
  const clean = text.replace(/[\r\n\0]+/gu, ' ');
  return /^[\x20-\x7e]*$/u.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}
