import { LIST_SHOWN } from '../../src/core/narrative/grammar.js';
import type { Verdict } from '../../src/core/verdict.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'gi');
const MONTH_DATE = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{4})\\b`, 'gi');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DOMAIN = /(?:[\p{L}\p{N}_-]+\.)+\p{L}[\p{L}\p{N}-]+/gu;
const QUOTED = /“([^”]+)”/g;
const OTHERS = /\band (\d+) others?\b/g;
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;

function arrayLengths(value: unknown, into: Set<number>): Set<number> {
  if (Array.isArray(value)) {
    into.add(value.length);
    for (const v of value) arrayLengths(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) arrayLengths(v, into);
  }
  return into;
}

/**
 * Every fact a narrative states that its verdict does not hold: numbers, dates, addresses,
 * domains, quoted phrases and "N others" counts are extracted from the text and looked up in the
 * verdict (everything but the narrative itself). Empty = every stated fact is backed by evidence.
 */
export function unsupportedFacts(text: string, verdict: Verdict): string[] {
  const { narrative: _ignored, ...rest } = verdict;
  const haystack = JSON.stringify(rest).toLowerCase();
  const numbers = new Set((haystack.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
  const lengths = arrayLengths(rest, new Set());
  const missing: string[] = [];
  let remaining = text;
  const take = (pattern: RegExp, check: (m: RegExpExecArray) => boolean) => {
    remaining = remaining.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      if (!check(match)) missing.push(String(match[0]));
      return ' ';
    });
  };
  const iso = (y: string, m: string, d?: string) => `${y}-${String(MONTHS.indexOf(m.toLowerCase()) + 1).padStart(2, '0')}${d ? `-${d.padStart(2, '0')}` : ''}`;
  take(QUOTED, (m) => haystack.includes(String(m[1]).toLowerCase()));
  take(DAY_DATE, (m) => haystack.includes(iso(String(m[3]), String(m[2]), String(m[1]))));
  take(MONTH_DATE, (m) => haystack.includes(iso(String(m[2]), String(m[1]))));
  take(EMAIL, (m) => haystack.includes(m[0].toLowerCase()));
  take(DOMAIN, (m) => haystack.includes(m[0].toLowerCase()));
  take(OTHERS, (m) => lengths.has(Number(m[1]) + LIST_SHOWN));
  take(NUMBER, (m) => numbers.has(Number(m[0].replace(/,/g, ''))));
  return missing;
}
