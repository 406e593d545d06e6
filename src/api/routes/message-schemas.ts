import { z } from 'zod';
import type { StoredVerdict } from '../../store/store.js';

const Ref = z.object({ kind: z.string(), id: z.string() });
const Span = z.object({ text: z.string(), ref: Ref.optional() });
const Rung = z.object({ area: z.string(), action: z.string(), reason: z.string() });

/** What a message list row and the full verdict both promise. */
const VerdictBasics = {
  id: z.string(),
  analysedAt: z.number(),
  direction: z.string(),
  from: z.string().nullable(),
  recipients: z.array(z.string()),
  subject: z.string(),
  score: z.number(),
  tags: z.array(z.string()),
};

export const MessageSummarySchema = z.object({ ...VerdictBasics, action: z.string(), headline: z.string() });

/** The stored verdict, loosely: the verdict grows without API changes; these fields are promised. */
export const VerdictSchema = z.looseObject({
  ...VerdictBasics,
  digest: z.string(),
  messageId: z.string().nullable(),
  reason: z.string(),
  signals: z.array(z.looseObject({ id: z.string(), strength: z.number(), summary: z.string(), evidence: z.record(z.string(), z.unknown()) })),
  threat: z.looseObject({ asks: z.array(z.string()) }),
  actions: z.looseObject({ delivery: z.string(), links: z.string(), attachments: z.string(), notTaken: z.array(Rung), why: z.array(Rung).optional() }),
  narrative: z.looseObject({ headline: z.string(), sentences: z.array(z.array(Span)), text: z.string() }),
  defects: z.array(z.string()),
});

export const ClickSchema = z.object({ token: z.string(), url: z.string(), at: z.number(), actor: z.string().nullable(), outcome: z.enum(['continued', 'blocked']) });

export function summary(stored: StoredVerdict): z.infer<typeof MessageSummarySchema> {
  const v = stored.verdict;
  return { id: v.id, analysedAt: v.analysedAt, direction: v.direction, from: v.from, recipients: [...v.recipients], subject: v.subject, score: v.score, tags: [...v.tags], action: v.actions.delivery, headline: v.narrative.headline };
}
