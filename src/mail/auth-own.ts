/**
 * Turning mailauth's `authenticate()` result into AuthResults. A verdict that exists only
 * because DNS could not be asked (no network, timeouts) becomes 'unknown': a missing network
 * must never look like a forged message.
 */
import type { AuthOutcome, AuthResults } from '../core/message.js';
import { domainOf, toAuthOutcome } from './auth-outcome.js';

/** What the recording resolver saw fail transiently (lower-cased query names). */
export interface DnsTrouble {
  readonly failedNames: ReadonlySet<string>;
}

type Dkim = AuthResults['dkim'][number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Walk nested properties of an unknown value; undefined as soon as one is missing. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** temperror only ever comes from DNS in mailauth; with a failed query it is "could not check". */
function unlessDnsTrouble(outcome: AuthOutcome, trouble: boolean): AuthOutcome {
  return outcome === 'temperror' && trouble ? 'unknown' : outcome;
}

function mapSpf(spf: unknown, trouble: DnsTrouble): AuthResults['spf'] {
  const result = unlessDnsTrouble(toAuthOutcome(at(spf, 'status', 'result')), trouble.failedNames.size > 0);
  const domain = text(at(spf, 'domain'));
  return { result: isRecord(spf) ? result : 'unknown', domain: domain === '-' ? null : domainOf(domain) };
}

function mapDkim(dkim: unknown, trouble: DnsTrouble): Dkim[] {
  const rows = at(dkim, 'results');
  if (!Array.isArray(rows)) return [];
  const out: Dkim[] = [];
  for (const row of rows) {
    const domain = domainOf(text(at(row, 'signingDomain')));
    // mailauth adds a domain-less `none` row for unsigned mail: not a signature.
    if (!domain) continue;
    const selector = text(at(row, 'selector'));
    const keyName = `${selector ?? ''}._domainkey.${domain}`.toLowerCase();
    let result = unlessDnsTrouble(toAuthOutcome(at(row, 'status', 'result')), trouble.failedNames.has(keyName));
    // mailauth says 'neutral' for a body hash mismatch; RFC 6376 §3.7 makes it a verification
    // failure (PERMFAIL), and an altered body is exactly the evidence we want to surface.
    if (result === 'neutral' && at(row, 'status', 'comment') === 'body hash did not verify') result = 'fail';
    out.push({ result, domain, selector });
  }
  return out;
}

/**
 * mailauth reports every ARC problem, including an unreachable key server, as 'fail'; when a
 * key lookup failed transiently the chain was simply not checkable.
 */
function mapArc(arc: unknown, trouble: DnsTrouble): AuthResults['arc'] {
  if (!isRecord(arc)) return { result: 'none' };
  const result = toAuthOutcome(at(arc, 'status', 'result'));
  const keyTrouble = [...trouble.failedNames].some((n) => n.includes('._domainkey.'));
  return { result: result === 'fail' && keyTrouble ? 'unknown' : unlessDnsTrouble(result, keyTrouble) };
}

function mapDmarc(
  dmarc: unknown,
  headerFrom: unknown,
  trouble: DnsTrouble,
  inputsUnknown: boolean,
): AuthResults['dmarc'] {
  const from = Array.isArray(headerFrom) && headerFrom.length === 1 ? domainOf(text(headerFrom[0])) : null;
  // mailauth returns false when there is no single From address: DMARC does not apply.
  if (!isRecord(dmarc)) return { result: 'none', domain: from, policy: null };
  let result = unlessDnsTrouble(toAuthOutcome(at(dmarc, 'status', 'result')), trouble.failedNames.size > 0);
  // A fail computed from SPF/DKIM results that could not be checked is not evidence.
  if (result === 'fail' && inputsUnknown) result = 'unknown';
  const policy = text(at(dmarc, 'policy'))?.toLowerCase() ?? null;
  return { result, domain: from ?? domainOf(text(at(dmarc, 'domain'))), policy: result === 'none' ? null : policy };
}

/** Map mailauth's result object; never throws, whatever shape it has. */
export function mapMailauthResult(result: unknown, trouble: DnsTrouble): AuthResults {
  const spf = mapSpf(at(result, 'spf'), trouble);
  const dkim = mapDkim(at(result, 'dkim'), trouble);
  const inputsUnknown = spf.result === 'unknown' || dkim.some((d) => d.result === 'unknown');
  return {
    source: 'own',
    authservId: null,
    spf,
    dkim,
    dmarc: mapDmarc(at(result, 'dmarc'), at(result, 'dkim', 'headerFrom'), trouble, inputsUnknown),
    arc: mapArc(at(result, 'arc'), trouble),
  };
}

/**
 * True when the own check learnt nothing (every DNS-based verdict unknown). An ARC 'none' only
 * says no chain was present, which needs no DNS, so it does not count as having learnt anything.
 */
export function learntNothing(auth: AuthResults): boolean {
  return (
    auth.spf.result === 'unknown' &&
    auth.dmarc.result === 'unknown' &&
    (auth.arc.result === 'unknown' || auth.arc.result === 'none') &&
    auth.dkim.every((d) => d.result === 'unknown')
  );
}
