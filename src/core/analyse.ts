import type { CheckContext } from './checks/check.js';
import { ALL_CHECKS } from './checks/registry.js';
import { recipientsOf, type Message } from './message.js';
import { factsFor } from './model/facts.js';
import { featureInput, type FeatureInput } from './model/feature.js';
import { modelLookups, modelObservations, modelValueLookups } from './model/model.js';
import type { Org } from './org.js';
import { planActions } from './plan.js';
import type { Policy } from './policy.js';
import type { Observation, ProfileKey, ProfileView, ValuesQuery } from './profile.js';
import { anomalyScore, contribution, tagsFor } from './score.js';
import type { Signal } from './signal.js';
import { structuralThreat } from './threat.js';
import { combineThreats, contentThreat } from './content/content-threat.js';
import type { Verdict } from './verdict.js';
import { narrate, type NarratedVerdict } from './narrative/narrate.js';

/** How many signal summaries make up the one-line reason. */
const REASON_SIGNALS = 2;

/** Step 1 of analysis: which counters and value lists this email needs (batched store reads). */
export function profileKeysFor(message: Message, org: Org): { input: FeatureInput; keys: ProfileKey[]; valueQueries: ValuesQuery[] } {
  const input = featureInput(message, org);
  return { input, keys: modelLookups(input), valueQueries: modelValueLookups(input) };
}

function reasonFrom(signals: readonly Signal[], policy: Policy): string {
  const ranked = [...signals].filter((s) => contribution(s, policy) > 0).sort((a, b) => contribution(b, policy) - contribution(a, policy));
  const top = ranked.slice(0, REASON_SIGNALS).map((s) => s.summary);
  if (top.length > 0) return capitalise(top.join('; '));
  const mitigating = signals.find((s) => contribution(s, policy) < 0);
  return mitigating ? capitalise(mitigating.summary) : 'Nothing unusual for this sender and recipient';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Step 2: the verdict. Pure and deterministic — same message, profiles, org, policy and time,
 * same verdict.
 */
export function analyse(message: Message, view: ProfileView, org: Org, policy: Policy, now: number): Verdict {
  const input = featureInput(message, org);
  const { who } = input;
  const context: CheckContext = { ...input, view, now, facts: factsFor(who, view, now) };
  const signals = ALL_CHECKS.map((check) => check.run(context)).filter((s): s is Signal => s !== null);
  const score = anomalyScore(signals, policy);
  const verdict: NarratedVerdict = {
    id: `v-${message.digest.slice(0, 24)}-${now.toString(36)}`,
    digest: message.digest,
    messageId: message.messageId,
    analysedAt: now,
    direction: who.direction,
    from: message.from?.address || null,
    recipients: recipientsOf(message),
    subject: message.subject,
    score,
    tags: tagsFor(signals, policy),
    signals,
    threat: combineThreats(structuralThreat(message), contentThreat(message)),
    actions: planActions({ score, signals, threat: combineThreats(structuralThreat(message), contentThreat(message)) }, policy),
    reason: reasonFrom(signals, policy),
    defects: message.defects,
  };
  // The narrative reads the finished verdict, actions included.
  return { ...verdict, narrative: narrate(verdict, policy) };
}

/**
 * Step 3: what to learn. Held or junked mail is not learned as normal until released (DESIGN:
 * learning happens after the verdict, from the verdict); with no verdict (the initial learning
 * period) all mail counts.
 */
export function learningFrom(message: Message, org: Org, verdict: Verdict | null, at: number): Observation[] {
  if (verdict && (verdict.actions.delivery === 'hold' || verdict.actions.delivery === 'junk')) return [];
  return modelObservations(featureInput(message, org), at);
}
