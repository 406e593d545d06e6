import { linked, plain, type RefKind, type Span } from './span.js';

/** "1,234": thousands separated by commas (fixed, never locale-dependent). */
export function num(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "1 person", "4 people", "296 days". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

/** "once", "twice", "5 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${num(n)} times`;
}

/** How many names a list shows before "and N others". */
export const LIST_SHOWN = 2;

/** "Ann", "Ann and Bob", "Ann, Bob and Cy", "Ann, Bob and 3 others" — as spans, each name keeping its reference. */
export function listOf(items: readonly string[], kind: RefKind | null, max = 3): Span[] {
  const span = (s: string): Span => (kind ? linked(s, kind, s) : plain(s));
  if (items.length <= max) {
    const out: Span[] = [];
    items.forEach((item, i) => {
      if (i > 0) out.push(plain(i === items.length - 1 ? ' and ' : ', '));
      out.push(span(item));
    });
    return out;
  }
  const shown = items.slice(0, LIST_SHOWN);
  const out: Span[] = [];
  shown.forEach((item, i) => {
    if (i > 0) out.push(plain(', '));
    out.push(span(item));
  });
  out.push(plain(` and ${count(items.length - LIST_SHOWN, 'other')}`));
  return out;
}

/** A plain list of words: "network, host and mailer". */
export function wordList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "7 January 2025" from an ISO date or epoch ms, always in UTC. */
export function dayDate(value: string | number): string | null {
  const parts = utcParts(value);
  return parts ? `${parts.day} ${MONTHS[parts.month]} ${parts.year}` : null;
}

/** "March 2023" from an ISO date or epoch ms, in UTC. */
export function monthDate(value: string | number): string | null {
  const parts = utcParts(value);
  return parts ? `${MONTHS[parts.month]} ${parts.year}` : null;
}

function utcParts(value: string | number): { year: number; month: number; day: number } | null {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (!m) return null;
    return { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]) };
  }
  if (!Number.isFinite(value)) return null;
  // Civil date from days since epoch (no Date: core stays clock-free and deterministic either way).
  const days = Math.floor(value / 86_400_000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 2 : mp - 10;
  return { year: yoe + era * 400 + (month <= 1 ? 1 : 0), month, day };
}

/** The first quoted phrase, for "(“updated bank details”)": one is enough to show the words. */
export function quote(phrases: readonly string[]): string {
  const first = phrases[0];
  return first ? `“${first}”` : '';
}

/** "a" or "an" before a word, by its first letter (good enough for the nouns narratives use). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
