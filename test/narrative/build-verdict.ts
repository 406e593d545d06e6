import type { Policy } from '../../src/core/policy.js';
import { narrate } from '../../src/core/narrative/narrate.js';
import { anomalyScore, tagsFor } from '../../src/core/score.js';
import type { Signal } from '../../src/core/signal.js';
import type { Ask } from '../../src/core/threat.js';
import type { ActionPlan, Verdict } from '../../src/core/verdict.js';

type Rung<A extends string> = { readonly action: A; readonly minScore: number };
const DELIVERY: ReadonlyArray<Rung<ActionPlan['delivery']>> = [{ action: 'banner', minScore: 50 }, { action: 'junk', minScore: 70 }, { action: 'hold', minScore: 85 }];
const LINKS: ReadonlyArray<Rung<ActionPlan['links']>> = [{ action: 'lock', minScore: 40 }, { action: 'double_lock', minScore: 75 }];
const ATTACHMENTS: ReadonlyArray<Rung<ActionPlan['attachments']>> = [{ action: 'convert', minScore: 60 }, { action: 'strip', minScore: 80 }];

/** A fixed score ladder (the interim planner's shape), so golden narratives do not move with the planner or the policy's thresholds. */
function actionsFor(score: number, hasLinks: boolean, hasAttachments: boolean): ActionPlan {
  const pick = <A extends string>(ladder: ReadonlyArray<Rung<A>>, floor: A, applies: boolean) =>
    ladder.reduce<A>((chosen, rung) => (applies && score >= rung.minScore ? rung.action : chosen), floor);
  const next = DELIVERY.find((r) => score < r.minScore);
  return {
    delivery: pick(DELIVERY, 'deliver', true),
    links: pick(LINKS, 'none', hasLinks),
    attachments: pick(ATTACHMENTS, 'none', hasAttachments),
    notTaken: next ? [{ area: 'delivery', action: next.action, reason: `score ${score} is below ${next.minScore}` }] : [],
  };
}

/** A verdict from signals as analyse would build it (score, tags, actions), narrative included. */
export function verdictOf(signals: readonly Signal[], policy: Policy, options: { from?: string; asks?: readonly Ask[]; recipients?: readonly string[] } = {}): Verdict {
  const score = anomalyScore(signals, policy);
  const asks = options.asks ?? [];
  const base = {
    id: 'v-0123456789abcdef01234567-golden',
    digest: 'sha256:golden',
    messageId: '<golden@example.test>',
    analysedAt: Date.UTC(2025, 5, 2, 9),
    direction: 'inbound' as const,
    from: options.from ?? (typeof signals[0]?.evidence.sender === 'string' ? signals[0].evidence.sender : 'someone@example.test'),
    recipients: options.recipients ?? ['jasper.dunmore@corvid-labs.example'],
    subject: 'Golden fixture',
    score,
    tags: tagsFor(signals, policy),
    signals,
    threat: { asks, evidence: {} },
    actions: actionsFor(score, asks.includes('link'), asks.includes('attachment')),
    reason: signals[0]?.summary ?? '',
    defects: [],
  };
  return { ...base, narrative: narrate(base, policy) };
}
