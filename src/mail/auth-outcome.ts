/** Shared vocabulary for own and upstream authentication results. */
import type { AuthOutcome, AuthResults } from '../core/message.js';

const OUTCOMES: ReadonlySet<string> = new Set<AuthOutcome>([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'policy',
  'temperror',
  'permerror',
]);

/** Legacy spellings still seen in the wild (RFC 5451 era, SPF classic). */
const ALIASES: Readonly<Record<string, AuthOutcome>> = {
  hardfail: 'fail',
  tempfail: 'temperror',
  permfail: 'permerror',
  error: 'temperror',
};

/** Map a result word from mailauth or a header to an AuthOutcome; anything else is 'unknown'. */
export function toAuthOutcome(value: unknown): AuthOutcome {
  if (typeof value !== 'string') return 'unknown';
  const word = value.trim().toLowerCase();
  if (OUTCOMES.has(word)) return word as AuthOutcome;
  return ALIASES[word] ?? 'unknown';
}

/** Nothing could be checked: no result is evidence either way. */
export const UNKNOWN_AUTH: AuthResults = Object.freeze({
  source: 'none',
  authservId: null,
  spf: Object.freeze({ result: 'unknown', domain: null }),
  dkim: Object.freeze([]),
  dmarc: Object.freeze({ result: 'unknown', domain: null, policy: null }),
  arc: Object.freeze({ result: 'unknown' }),
});

/** Domain part of an address (or the value itself when it has no `@`), lower-cased; null when empty. */
export function domainOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const domain = value.slice(value.lastIndexOf('@') + 1).trim().toLowerCase().replace(/^<|>$/g, '').replace(/\.$/, '');
  return domain.length > 0 ? domain : null;
}
