import type { Policy, Rung, RungCondition, TagRule, TagSeverity } from './policy.js';
import { tagsFor } from './score.js';
import type { Signal } from './signal.js';
import type { ThreatAssessment } from './threat.js';
import type { ActionPlan } from './verdict.js';

type Area = ActionPlan['notTaken'][number]['area'];
type Reasoned = ActionPlan['notTaken'][number];

/** What the planner weighs: how anomalous the email is, what it asks for, and what fired. */
export interface PlanInput {
  readonly score: number;
  readonly threat: ThreatAssessment;
  readonly signals: readonly Signal[];
}

const SEVERITY_RANK: Readonly<Record<TagSeverity, number>> = { info: 0, low: 1, medium: 2, high: 3 };

interface Facts {
  readonly score: number;
  readonly asks: ReadonlySet<string>;
  readonly tags: ReadonlyArray<TagRule>;
  readonly signals: ReadonlySet<string>;
}

/** The first unmet requirement of a condition, in words; null when the condition holds. */
function unmet(condition: RungCondition, facts: Facts): string | null {
  if (condition.minScore !== undefined && facts.score < condition.minScore) return `score ${facts.score} < ${condition.minScore}`;
  if (condition.asksAny && !condition.asksAny.some((a) => facts.asks.has(a))) return `does not ask for ${condition.asksAny.join('/')}`;
  if (condition.tagsAny && !condition.tagsAny.some((name) => facts.tags.some((t) => t.name === name))) return `no ${condition.tagsAny.join('/')} tag`;
  const least = condition.tagAtLeast;
  if (least) {
    const fits = facts.tags.some((t) => SEVERITY_RANK[t.severity] >= SEVERITY_RANK[least.severity] && (!least.categories || least.categories.includes(t.category)));
    if (!fits) return `no ${least.severity}+ ${least.categories ? `${least.categories.join('/')} ` : ''}tag`;
  }
  if (condition.signalsAny && !condition.signalsAny.some((id) => facts.signals.has(id))) return `no ${condition.signalsAny.join('/')} signal`;
  return null;
}

/**
 * Per area, the strongest rung whose conditions hold (each rung says when the risk needs at
 * least that much), i.e. the least aggressive action that still neutralises the risk. Every
 * stronger rung is recorded as not taken, with what it would have needed.
 */
function climb<A extends string>(area: Area, ladder: ReadonlyArray<Rung<A>>, floor: A, facts: Facts, why: Reasoned[], notTaken: Reasoned[]): A {
  let chosen: { action: A; index: number } = { action: floor, index: -1 };
  ladder.forEach((rung, index) => {
    if (rung.when.some((c) => unmet(c, facts) === null)) chosen = { action: rung.action, index };
  });
  const taken = ladder[chosen.index];
  if (taken) why.push({ area, action: taken.action, reason: taken.because });
  for (const rung of ladder.slice(chosen.index + 1)) {
    const misses = rung.when.map((c) => unmet(c, facts) as string);
    notTaken.push({ area, action: rung.action, reason: `not needed: ${[...new Set(misses)].join('; ')}` });
  }
  return chosen.action;
}

/** The action plan (pure). Rules live in the policy ladders, not here. */
export function planActions(input: PlanInput, policy: Policy): ActionPlan {
  const tagNames = new Set(tagsFor(input.signals, policy));
  const facts: Facts = {
    score: input.score,
    asks: new Set(input.threat.asks),
    tags: policy.tags.filter((t) => tagNames.has(t.name)),
    signals: new Set(input.signals.filter((s) => s.strength > 0).map((s) => s.id)),
  };
  const why: Reasoned[] = [];
  const notTaken: Reasoned[] = [];
  const delivery = climb('delivery', policy.delivery, 'deliver', facts, why, notTaken);
  // The structural asks say whether the email has links / attachments at all (threat.ts).
  const links = facts.asks.has('link') ? climb('links', policy.links, 'none', facts, why, notTaken) : 'none';
  const attachments = facts.asks.has('attachment') ? climb('attachments', policy.attachments, 'none', facts, why, notTaken) : 'none';
  const tag = policy.headers?.subjectTag ?? null;
  const subjectTag = tag && delivery !== 'deliver' && tag.onDelivery.includes(delivery) ? tag.text : null;
  return { delivery, links, attachments, notTaken, why, subjectTag };
}
