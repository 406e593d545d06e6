/**
 * URL shortener domains: content knowledge, not a reputation feed. A shortened link hides its
 * destination from the reader and from us (we never fetch it). Kept deliberately short — the
 * common public shorteners — and in this one file.
 */
export const URL_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'rb.gy',
  't.ly',
  'tiny.cc',
  's.id',
  'v.gd',
  'shorte.st',
  'qrco.de',
]);
