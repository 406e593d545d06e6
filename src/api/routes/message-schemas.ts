import { z } from 'zod';
import type { MessageContent } from '../../store/message-content.js';
import type { QuarantineEntry, StoredAuditEntry, StoredVerdict } from '../../store/store.js';

/** A verdict's delivery action and direction, as request filters take them. */
export const DeliveryActionSchema = z.enum(['deliver', 'banner', 'junk', 'hold']);
export const DirectionSchema = z.enum(['inbound', 'outbound', 'internal']);

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

/** What the email page shows of the message. The raw HTML is never sent as JSON: only `hasHtml`; the sanitised body is /messages/{id}/body. */
export const ContentSchema = z.object({
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  text: z.string(),
  hasHtml: z.boolean(),
  links: z.array(z.object({ href: z.string(), text: z.string(), host: z.string().nullable(), registrableDomain: z.string().nullable(), textDomain: z.string().nullable(), source: z.enum(['html', 'text']) })),
  attachments: z.array(z.object({
    filename: z.string().nullable(),
    declaredType: z.string(),
    detectedType: z.string().nullable(),
    size: z.number(),
    sha256: z.string(),
    disposition: z.enum(['attachment', 'inline']).nullable(),
    traits: z.array(z.string()),
  })),
  auth: z.record(z.string(), z.unknown()),
  truncated: z.boolean(),
});

export function contentView(content: MessageContent): z.infer<typeof ContentSchema> {
  return {
    headers: content.headers.map((h) => ({ name: h.name, value: h.value })),
    text: content.text,
    hasHtml: content.html !== null && content.html.trim() !== '',
    links: content.links.map((l) => ({ ...l })),
    attachments: content.attachments.map((a) => ({ ...a, traits: [...a.traits] })),
    auth: { ...content.auth },
    truncated: content.truncated,
  };
}

/** The quarantine entry holding the message, as the email page shows it. */
export const MessageQuarantineSchema = z.object({
  id: z.string(),
  state: z.enum(['held', 'released', 'deleted', 'expired', 'release_requested']),
  receivedAt: z.number(),
  expiresAt: z.number(),
  updatedAt: z.number(),
  sender: z.string().nullable(),
  recipients: z.array(z.string()),
});

export function quarantineView(e: QuarantineEntry): z.infer<typeof MessageQuarantineSchema> {
  return { id: e.id, state: e.state, receivedAt: e.receivedAt, expiresAt: e.expiresAt, updatedAt: e.updatedAt, sender: e.sender, recipients: [...e.recipients] };
}

export const HistoryEntrySchema = z.object({ seq: z.number(), at: z.number(), actor: z.string(), action: z.string(), subject: z.string(), detail: z.record(z.string(), z.unknown()) });

export function historyView(e: StoredAuditEntry): z.infer<typeof HistoryEntrySchema> {
  return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: { ...e.detail } };
}
