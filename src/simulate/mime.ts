/**
 * Low-level RFC 5322 / MIME encoding for the simulator: dates with the sender's offset, RFC 2047
 * encoded words, header folding, quoted-printable and base64 bodies. Hand-written (each a few
 * lines) because the output must be byte-stable for a seed, and composing libraries (nodemailer)
 * insert their own random boundaries, Message-IDs and clock-based dates.
 */
import { createHash } from 'node:crypto';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `Tue, 04 Mar 2025 09:12:33 +0100`: the wall-clock time at the given offset from UTC. */
export function rfc5322Date(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 B-encoding for non-ASCII header text (display names, subjects). */
export function encodeWord(text: string): string {
  if (isAscii(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** `"Name" <addr>` with quoting only when the name needs it. */
export function formatAddress(name: string, address: string): string {
  if (!name) return `<${address}>`;
  if (!isAscii(name)) return `${encodeWord(name)} <${address}>`;
  return /[(),.:;<>@[\]\\"]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>` : `${name} <${address}>`;
}

/** `Name: value`, folded at spaces so no line passes 78 characters where it can be avoided. */
export function headerLine(name: string, value: string): string {
  const words = value.split(' ');
  const lines: string[] = [];
  let current = `${name}:`;
  for (const word of words) {
    if (current.length + 1 + word.length > 78 && current.trim() !== `${name}:`) {
      lines.push(current);
      current = ` ${word}`;
    } else {
      current += ` ${word}`;
    }
  }
  lines.push(current);
  return lines.join('\r\n');
}

export function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** Quoted-printable (RFC 2045 §6.7) for UTF-8 text with CRLF line breaks. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r?\n/g, '\n').split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      const printable = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32;
      encoded += printable ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    // Trailing whitespace must be encoded; soft breaks keep lines under 76.
    encoded = encoded.replace(/ $/, '=20');
    while (encoded.length > 75) {
      let cut = 75;
      // Never split an =XX escape.
      const escapeAt = encoded.lastIndexOf('=', cut);
      if (escapeAt > cut - 3) cut = escapeAt;
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join('\r\n');
}

/** Stable pseudo-random token from content (boundaries, ids, signature bytes). */
export function stableToken(seedText: string, length: number, encoding: 'hex' | 'base64' = 'hex'): string {
  let out = '';
  let counter = 0;
  while (out.length < length) {
    out += createHash('sha256').update(`${seedText}:${counter++}`).digest(encoding).replace(/[=]/g, '');
  }
  return out.slice(0, length);
}
