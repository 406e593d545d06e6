/**
 * Moves a stored message in time: every RFC 5322 date in its header block (Date, Received) is
 * shifted by the same amount, and the Message-ID can be replaced. The demo uses it to lay the
 * simulated organisation's months (fixed dates in 2025) over the weeks before today, and to send
 * the same mail again as new messages. Whole-week shifts keep each sender's hour of the week, so
 * the model's rhythms (usual hours, daily volume) stay what the simulator made them.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const WEEK_MS = 7 * 86_400_000;

/** `Thu, 03 Jul 2025 07:47:08 +0000`; the space before the time may be a header fold. */
const RFC_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})(\s+)(\d{2}):(\d{2}):(\d{2})\s+([+-])(\d{2})(\d{2})/gu;
const MESSAGE_ID_HEADER = /^Message-ID:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/imu;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Where the header block ends (the blank line), or the whole message when it has none. */
function headerEnd(text: string): number {
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf < 0) return lf < 0 ? text.length : lf;
  return lf < 0 ? crlf : Math.min(crlf, lf);
}

function shiftDate(match: string, groups: string[], shiftMs: number): string {
  const [day, month, year, fold, hh, mm, ss, sign, zh, zm] = groups as [string, string, string, string, string, string, string, string, string, string];
  const zoneMs = (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000;
  const instant = Date.UTC(Number(year), MONTHS.indexOf(month as (typeof MONTHS)[number]), Number(day), Number(hh), Number(mm), Number(ss)) - zoneMs;
  if (!Number.isFinite(instant)) return match;
  // Written in the original zone, so only the date moves, not the way it is written.
  const local = new Date(instant + shiftMs + zoneMs);
  const date = `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  return `${date}${fold}${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${sign}${zh}${zm}`;
}

export interface RedateOptions {
  /** Added to every header date (may be negative). */
  readonly shiftMs: number;
  /** A new Message-ID (without angle brackets); the header is added when the message had none. */
  readonly messageId?: string;
}

/** The message with its header dates shifted and (optionally) a new Message-ID; the body is untouched. */
export function redate(raw: Buffer, options: RedateOptions): Buffer {
  // latin1 maps bytes 1:1, so 8-bit headers and the body survive the round trip unchanged.
  const text = raw.toString('latin1');
  const end = headerEnd(text);
  let headers = text.slice(0, end).replace(RFC_DATE, (match: string, ...rest: unknown[]) => shiftDate(match, rest.slice(0, 10) as string[], options.shiftMs));
  if (options.messageId !== undefined) {
    const line = `Message-ID: <${options.messageId}>`;
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    headers = MESSAGE_ID_HEADER.test(headers) ? headers.replace(MESSAGE_ID_HEADER, line) : `${line}${newline}${headers}`;
  }
  return Buffer.from(headers + text.slice(end), 'latin1');
}

/** The Date header's instant, or null when it has none that reads as an RFC 5322 date. */
export function headerDate(raw: Buffer): number | null {
  const text = raw.toString('latin1');
  const headers = text.slice(0, headerEnd(text));
  const line = /^Date:[ \t]*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/imu.exec(headers)?.[1];
  if (!line) return null;
  const parsed = Date.parse(line.replace(/\r?\n[ \t]/gu, ' '));
  return Number.isFinite(parsed) ? parsed : null;
}

/** The smallest whole number of weeks that moves `from` to `to` or later. */
export function weeksToReach(from: number, to: number): number {
  return Math.max(0, Math.ceil((to - from) / WEEK_MS)) * WEEK_MS;
}
