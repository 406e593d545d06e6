import { loadPolicy } from '../../config/policy-file.js';
import type { Policy } from '../../core/policy.js';
import type { ApiContext } from '../context.js';

/** Used only when the policy's delivery ladder acts on no plain score (a policy of tags alone). */
export const FALLBACK_ANOMALOUS_SCORE = 50;

/**
 * The score from which the dashboards call an email "anomalous": the lowest score at which the
 * policy acts on the score alone — the first delivery rung with a bare `minScore` condition
 * (the default policy's banner at 50: "a warning lets the recipient judge an unusual email").
 * Taking it from the policy keeps "anomalous" on the people and overview pages in step with
 * what the organisation's policy already treats as unusual enough to mark.
 */
export function anomalousScoreOf(policy: Policy): number {
  const bare = policy.delivery.flatMap((rung) => rung.when).filter((c) => c.minScore !== undefined && Object.keys(c).length === 1);
  return bare.length > 0 ? Math.min(...bare.map((c) => c.minScore ?? FALLBACK_ANOMALOUS_SCORE)) : FALLBACK_ANOMALOUS_SCORE;
}

/**
 * The floor below which no link was locked by score: clicks are only recorded on locked links,
 * so a person's clicks are looked for among their mail scoring at least this (or anomalous).
 */
export function linkLockScoreOf(policy: Policy): number {
  const scores = policy.links.flatMap((rung) => rung.when).flatMap((c) => (c.minScore !== undefined ? [c.minScore] : []));
  return Math.min(anomalousScoreOf(policy), ...scores);
}

const loaded = new Map<string, Policy>();

/** The policy the engine scores with; without an engine, the configured (or default) policy file, read once. */
export function policyOf(ctx: Pick<ApiContext, 'engine' | 'config'>): Policy {
  if (ctx.engine) return ctx.engine.policy;
  const file = ctx.config?.policy ?? '';
  let policy = loaded.get(file);
  if (!policy) {
    policy = file ? loadPolicy(file) : loadPolicy();
    loaded.set(file, policy);
  }
  return policy;
}
