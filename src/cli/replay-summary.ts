import type { Policy } from '../core/policy.js';
import { planActions } from '../core/plan.js';
import type { ActionPlan, Verdict } from '../core/verdict.js';

/** What active mode would have done over stored verdicts: counts per action and the changed messages. */
export interface ReplaySummary {
  readonly verdicts: number;
  readonly counts: { readonly delivery: Record<string, number>; readonly links: Record<string, number>; readonly attachments: Record<string, number> };
  readonly changed: ReadonlyArray<{ readonly verdict: Verdict; readonly plan: ActionPlan; readonly origin: string | null }>;
}

/** Would active mode have touched this message at all (held, junked, bannered, links or attachments rewritten)? */
export function changes(plan: ActionPlan): boolean {
  return plan.delivery !== 'deliver' || plan.links !== 'none' || plan.attachments !== 'none' || Boolean(plan.subjectTag);
}

/** The stored plan, or (replan) the plan the current policy makes from the stored score, threat and signals. */
export function planOf(verdict: Verdict, policy: Policy | null): ActionPlan {
  return policy ? planActions({ score: verdict.score, threat: verdict.threat, signals: verdict.signals }, policy) : verdict.actions;
}

export function summarise(stored: ReadonlyArray<{ verdict: Verdict; origin: string | null }>, policy: Policy | null): ReplaySummary {
  const counts = { delivery: { deliver: 0, banner: 0, junk: 0, hold: 0 } as Record<string, number>, links: { none: 0, lock: 0, double_lock: 0, remove: 0 } as Record<string, number>, attachments: { none: 0, convert: 0, strip: 0 } as Record<string, number> };
  const changed: Array<ReplaySummary['changed'][number]> = [];
  for (const { verdict, origin } of stored) {
    const plan = planOf(verdict, policy);
    counts.delivery[plan.delivery] = (counts.delivery[plan.delivery] ?? 0) + 1;
    counts.links[plan.links] = (counts.links[plan.links] ?? 0) + 1;
    counts.attachments[plan.attachments] = (counts.attachments[plan.attachments] ?? 0) + 1;
    if (changes(plan)) changed.push({ verdict, plan, origin });
  }
  return { verdicts: stored.length, counts, changed };
}
