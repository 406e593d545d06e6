import type { Policy } from './policy.js';
import type { Signal } from './signal.js';

/** A signal's pull on the score: policy weight × observed strength (negative for mitigations). */
export function contribution(signal: Signal, policy: Policy): number {
  return (policy.signals[signal.id]?.weight ?? 0) * signal.strength;
}

/**
 * Anomaly score 0..100. Positive signals combine as independent evidence (noisy-OR), so no
 * single weak signal saturates the score and several together climb towards 100. Each
 * mitigating signal (e.g. SOLICITED) scales down the part of the score made by the signals it
 * mitigates (all of them when its policy entry names none); the rest stands untouched.
 */
export function anomalyScore(signals: readonly Signal[], policy: Policy): number {
  const mitigations = signals
    .map((s) => ({ factor: 1 + Math.max(-1, Math.min(0, contribution(s, policy))), scope: policy.signals[s.id]?.mitigates ?? null }))
    .filter((m) => m.factor < 1);
  let notAnomalous = 1;
  for (const signal of signals) {
    let c = Math.max(0, Math.min(1, contribution(signal, policy)));
    if (c === 0) continue;
    for (const m of mitigations) if (m.scope === null || m.scope.includes(signal.id)) c *= m.factor;
    notAnomalous *= 1 - c;
  }
  return Math.round(100 * (1 - notAnomalous));
}

export function tagsFor(signals: readonly Signal[], policy: Policy): string[] {
  const strengthOf = new Map(signals.map((s) => [s.id, s.strength]));
  const fired = (id: string, min: number) => (strengthOf.get(id) ?? -1) >= min;
  return policy.tags
    .filter((rule) => rule.anyOf.some((id) => fired(id, rule.minStrength)) && (rule.allOf ?? []).every((id) => fired(id, 0)))
    .map((rule) => rule.name);
}
