import { readHeaderFields } from './email-head.js';

/**
 * RFC 5322 / 2822 date parsing that tolerates what real mail carries: comments, missing
 * weekday or seconds, two-digit years, obsolete zone names, asctime order, ISO 8601. We do not
 * use Date.parse because its results for zone-less strings depend on the machine's time zone;
 * a date without a zone is read as UTC so that ordering is the same everywhere.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** Obsolete zone names (RFC 5322 §4.3), in minutes east of UTC. Others (military) count as UTC. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const DAY_MONTH_YEAR = /(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})[\s,]+(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?(?:\.\d+)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5}\b)?/i;
const ASCTIME = /([a-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s+(?:([+-]\d{4}|[a-z]{1,5})\s+)?(\d{4})/i;
const ISO = /(\d{4})-(\d{2})-(\d{2})[t\s](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(z|[+-]\d{2}:?\d{2})?/i;

function zoneMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

/** RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number; zone: string | undefined }

function toEpoch(p: Parts): number | null {
  const valid = p.month >= 0 && p.day >= 1 && p.day <= 31 && p.hour < 24 && p.minute < 60 && p.second <= 60
    && p.year >= 1900 && p.year <= 9999;
  if (!valid) return null;
  const ms = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, Math.min(p.second, 59)) - zoneMinutes(p.zone) * 60_000;
  return Number.isFinite(ms) ? ms : null;
}

function month(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase()] ?? -1;
}

/** Milliseconds since the epoch, or null when the text holds no recognisable date. */
export function parseMailDate(raw: string): number | null {
  const text = raw.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const [, day, mon, year, hour, minute, second, zone] = dmy;
    const ms = toEpoch({ year: fullYear(year ?? ''), month: month(mon), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone });
    if (ms !== null) return ms;
  }
  const asc = ASCTIME.exec(text);
  if (asc) {
    const [, mon, day, hour, minute, second, zone, year] = asc;
    const ms = toEpoch({ year: Number(year), month: month(mon), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone });
    if (ms !== null) return ms;
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, mon, day, hour, minute, second, zone] = iso;
    return toEpoch({ year: Number(year), month: Number(mon) - 1, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone });
  }
  return null;
}

/**
 * When the message was written: its Date header; failing that, the date stamped by the
 * earliest Received header (the last one), which is the closest hop to the sender.
 */
export function dateFromHead(head: Buffer): number | null {
  const fields = readHeaderFields(head);
  for (const field of fields) {
    if (field.name !== 'date') continue;
    const ms = parseMailDate(field.value);
    if (ms !== null) return ms;
  }
  for (let i = fields.length - 1; i >= 0; i--) {
    const field = fields[i];
    if (field?.name !== 'received') continue;
    const semicolon = field.value.lastIndexOf(';');
    if (semicolon === -1) continue;
    const ms = parseMailDate(field.value.slice(semicolon + 1));
    if (ms !== null) return ms;
  }
  return null;
}
