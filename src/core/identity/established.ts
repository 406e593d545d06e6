import { DAY_MS, decayedWeight, type Counter } from '../profile.js';

/**
 * An "established" correspondent domain: enough messages, recently enough, that people here
 * would recognise it — so a look-alike of it is worth imitating. Decayed weight, so a vendor
 * last heard from two years ago no longer counts. Both directions count (the index is learned
 * from inbound senders and outbound recipients alike).
 */
export const ESTABLISHED_MIN_MESSAGES = 5;
export const ESTABLISHED_MIN_WEIGHT = 3;

export function isEstablished(counter: Counter, now: number): boolean {
  return counter.count >= ESTABLISHED_MIN_MESSAGES && decayedWeight(counter, now) >= ESTABLISHED_MIN_WEIGHT;
}

export interface DomainHistoryEvidence {
  readonly messages: number;
  readonly daysKnown: number;
  readonly lastSeenDaysAgo: number;
  readonly weight: number;
}

export function historyEvidence(counter: Counter, now: number): DomainHistoryEvidence {
  return {
    messages: counter.count,
    daysKnown: Math.max(0, Math.floor((now - counter.firstSeen) / DAY_MS)),
    lastSeenDaysAgo: Math.max(0, Math.floor((now - counter.lastSeen) / DAY_MS)),
    weight: Math.round(decayedWeight(counter, now) * 10) / 10,
  };
}
