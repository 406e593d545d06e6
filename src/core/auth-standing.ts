import type { AuthOutcome, Message } from './message.js';

/** One word for "did this email prove it came from its From domain?". */
export type AuthStanding = 'pass' | 'fail' | 'unverified';

export interface AuthAssessment {
  readonly standing: AuthStanding;
  /** Which mechanisms failed, for evidence ("dmarc", "spf", "dkim"). */
  readonly failed: readonly string[];
  readonly source: Message['auth']['source'];
}

const FAILING: ReadonlySet<AuthOutcome> = new Set(['fail', 'softfail', 'permerror']);

function aligned(domain: string | null, fromDomain: string | null, fromRegistrable: string | null): boolean {
  if (!domain || !fromDomain) return false;
  const d = domain.toLowerCase();
  return d === fromDomain || (fromRegistrable !== null && (d === fromRegistrable || d.endsWith(`.${fromRegistrable}`)));
}

/**
 * DMARC decides when it has a verdict. Without one, an aligned DKIM or SPF pass proves the
 * domain; a failure counts only when nothing aligned passed. 'unknown' (could not check) is
 * never a failure: offline replay must not look like spoofing.
 */
export function assessAuthentication(message: Message): AuthAssessment {
  const { auth } = message;
  const fromDomain = message.from?.domain ?? null;
  const fromRegistrable = message.from?.registrableDomain ?? null;
  const failed: string[] = [];
  if (auth.dmarc.result === 'pass') return { standing: 'pass', failed, source: auth.source };
  if (auth.dmarc.result === 'fail') failed.push('dmarc');
  const dkimAlignedPass = auth.dkim.some((d) => d.result === 'pass' && aligned(d.domain, fromDomain, fromRegistrable));
  const spfAlignedPass = auth.spf.result === 'pass' && aligned(auth.spf.domain, fromDomain, fromRegistrable);
  if (auth.dkim.some((d) => FAILING.has(d.result) && aligned(d.domain, fromDomain, fromRegistrable))) failed.push('dkim');
  if (FAILING.has(auth.spf.result) && aligned(auth.spf.domain, fromDomain, fromRegistrable)) failed.push('spf');
  if (failed.includes('dmarc')) return { standing: 'fail', failed, source: auth.source };
  if (dkimAlignedPass || spfAlignedPass) return { standing: 'pass', failed: [], source: auth.source };
  return { standing: failed.length > 0 ? 'fail' : 'unverified', failed, source: auth.source };
}
