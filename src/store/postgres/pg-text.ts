/**
 * PostgreSQL TEXT cannot hold U+0000, but keys come from hostile mail (an encoded-word can
 * decode to a NUL) and SQLite stores such strings as they are. Rather than fail to learn from
 * that message, the PostgreSQL backend stores it in a reversible form:
 * a string that contains U+0000, or that already starts with the marker, is stored as the
 * marker followed by the string with U+0000 → marker + '0' and marker → marker + 'M'.
 * Every other string (all ordinary keys) is stored unchanged, so SQL over the table reads
 * naturally and the encoding costs one scan of each string.
 *
 * The marker is U+FDD0, a Unicode noncharacter: valid UTF-8 that text never carries on
 * purpose. Written by hand because it is a dozen lines and no library does exactly this.
 */
const MARKER = '\uFDD0';

export function encodeText(text: string): string {
  if (!text.includes('\u0000') && !text.startsWith(MARKER)) return text;
  return MARKER + text.replace(/[\u0000\uFDD0]/g, (c) => (c === MARKER ? `${MARKER}M` : `${MARKER}0`));
}

export function decodeText(stored: string): string {
  if (!stored.startsWith(MARKER)) return stored;
  return stored.slice(1).replace(/\uFDD0([0M])/g, (_, tag: string) => (tag === 'M' ? MARKER : '\u0000'));
}

