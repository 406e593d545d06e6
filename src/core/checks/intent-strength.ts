import type { Intent } from '../content/intent.js';
import { intentsOf } from '../content/intent.js';
import type { Signal } from '../signal.js';
import { confidenceFrom, round2, type CheckContext } from './check.js';

/** Below this an intent signal is not reported: a familiar correspondent asking is ordinary. */
export const MIN_INTENT_STRENGTH = 0.15;
/** Learned messages after which the org's view of "unfamiliar" is half-trusted. */
const ORG_BASELINE_HALF = 50;

/**
 * How unfamiliar the sender is, 0..1: 1 for a sender nobody here has exchanged mail with,
 * falling fast with shared history (2 messages → ½, 10 → ⅙) and halved again when we wrote to
 * them first. Scaled by how much the organisation has learned at all, so an empty model does
 * not call everyone a stranger with full confidence. What an email asks is ordinary from a
 * long-standing correspondent and telling from a stranger.
 */
export function unfamiliarity({ facts, who }: CheckContext): number {
  const shared = facts.sender.messagesIn + facts.sender.messagesOut;
  const personal = 1 / (1 + shared / 2);
  const invited = facts.solicited.byAddress ? 0.5 : 1;
  const depth = 0.5 + 0.5 * confidenceFrom(facts.orgMessages, ORG_BASELINE_HALF);
  return who.direction === 'outbound' ? 0 : personal * invited * depth;
}

/** A content-intent signal: the phrases as evidence, strength = how telling the ask × how unfamiliar the sender. */
export function intentSignal(
  context: CheckContext,
  id: string,
  intent: Intent,
  base: number,
  summary: (phrases: readonly string[]) => string,
  floor = 0,
): Signal | null {
  const phrases = intentsOf(context.message)[intent];
  if (!phrases || context.who.direction === 'outbound') return null;
  const unfamiliar = unfamiliarity(context);
  const strength = round2(Math.min(1, base * Math.max(unfamiliar, floor)));
  if (strength < MIN_INTENT_STRENGTH) return null;
  return {
    id,
    strength,
    evidence: {
      phrases,
      sender: context.who.sender,
      senderMessagesBefore: context.facts.sender.messagesIn + context.facts.sender.messagesOut,
      senderPrevalence: context.facts.sender.prevalence,
    },
    summary: summary(phrases),
  };
}

export function quoted(phrases: readonly string[]): string {
  return phrases.map((p) => `"${p}"`).join(', ');
}
