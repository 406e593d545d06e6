/**
 * Every cost an attacker controls while we parse one message has a named bound here
 * (DESIGN principle 7). Exceeding a bound never rejects mail: the parser analyses what fits
 * and records a defect naming the limit, so a huge or hostile message still gets a verdict.
 */

/** Bytes analysed per message; the rest is cut off (the stored original stays whole). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** Header fields kept (top-level); Received floods and header stuffing stop here. */
export const MAX_HEADERS = 500;
/** Characters kept per unfolded header value. */
export const MAX_HEADER_VALUE_CHARS = 8 * 1024;
/** Total bytes of the top-level header block we read (before the first blank line). */
export const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;
/** MIME parts fed to the MIME parser; past this the body is cut at the next boundary line. */
export const MAX_MIME_PARTS = 500;
/** MIME nesting depth; deeper structures fail the MIME parse and fall back to headers only. */
export const MAX_MIME_DEPTH = 32;
/** Nested message/rfc822 levels parsed inline; deeper ones become attachments. */
export const MAX_RFC822_DEPTH = 3;
export const MAX_LINKS = 500;
export const MAX_ATTACHMENTS = 100;
export const MAX_TEXT_CHARS = 1024 * 1024;
export const MAX_HTML_CHARS = 2 * 1024 * 1024;
/** Recipients kept per address header (To, Cc, Reply-To each). */
export const MAX_RECIPIENTS = 1000;
export const MAX_RECEIVED_HOPS = 50;
/** Characters of a link href or anchor text kept. */
export const MAX_LINK_CHARS = 2048;
/** Bytes hashed-and-sniffed are always whole; this bounds only the bytes the sniffer looks at. */
export const SNIFF_BYTES = 64 * 1024;
/**
 * Wall time one parse may take on an ordinary machine. The corpus test asserts it (generously,
 * machines are noisy): it is a guard against super-linear behaviour, not a speed target.
 */
export const PARSE_TIME_BUDGET_MS = 2000;
