import type { Policy } from './policy.js';
import type { Signal } from './signal.js';

/** A signal's pull on the score: policy weight × observed strength (negative for mitigations). */
export function contribution(signal: Signal, policy: Policy): number {
  return (policy.signals[signal.id]?.weight ?? 0) * signal.strength;
}

/**
 * Anomaly score 0..100. Positive signals combine as independent evidence (noisy-OR), so no
 * single weak signal saturates the score and several together climb towards 100; mitigating
 * signals (e.g. SOLICITED) then scale the result down.
 */
export function anomalyScore(signals: readonly Signal[], policy: Policy): number {
  let notAnomalous = 1;
  let mitigation = 1;
  for (const signal of signals) {
    const c = Math.max(-1, Math.min(1, contribution(signal, policy)));
    if (c > 0) notAnomalous *= 1 - c;
    else if (c < 0) mitigation *= 1 + c;
  }
  return Math.round(100 * (1 - notAnomalous) * mitigation);
}

export function tagsFor(signals: readonly Signal[], policy: Policy): string[] {
  const strengthOf = new Map(signals.map((s) => [s.id, s.strength]));
  const fired = (id: string, min: number) => (strengthOf.get(id) ?? -1) >= min;
  return policy.tags
    .filter((rule) => rule.anyOf.some((id) => fired(id, rule.minStrength)) && (rule.allOf ?? []).every((id) => fired(id, 0)))
    .map((rule) => rule.name);
}
