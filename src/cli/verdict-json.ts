import { footnotesOf } from '../core/narrative/footnotes.js';
import type { Verdict } from '../core/verdict.js';

/**
 * The stable JSON line for one scored message (documented in docs/verdict-json.md). Field
 * names are public: add fields, never rename or repurpose them.
 */
export function verdictLine(origin: string, verdict: Verdict, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    path: origin,
    ...extra,
    verdictId: verdict.id,
    messageId: verdict.messageId,
    analysedAt: new Date(verdict.analysedAt).toISOString(),
    direction: verdict.direction,
    from: verdict.from,
    recipients: verdict.recipients,
    subject: verdict.subject,
    score: verdict.score,
    tags: verdict.tags,
    threat: verdict.threat,
    actions: verdict.actions,
    reason: verdict.reason,
    headline: verdict.narrative.headline,
    narrative: verdict.narrative.text,
    narrativeSpans: verdict.narrative.sentences,
    footnotes: footnotesOf(verdict.narrative),
    signals: verdict.signals,
    defects: verdict.defects,
  });
}
