import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultConfig, loadEffectiveConfig } from '../../config/settings-overrides.js';
import type { Org } from '../../core/org.js';
import type { StoredAuditEntry } from '../../store/store.js';
import { DAY_MS, type VerdictFilter } from '../../store/verdict-search.js';
import type { ApiContext } from '../context.js';
import { IdParams, Instant, PagingQuery, errors } from '../schemas.js';
import {
  ClickSchema,
  ContentSchema,
  DeliveryActionSchema,
  DirectionSchema,
  HistoryEntrySchema,
  MessageQuarantineSchema,
  MessageSummarySchema,
  VerdictSchema,
  contentView,
  historyView,
  quarantineView,
  summary,
} from './message-schemas.js';

export const MessageFilterQuery = z.object({
  from: Instant.optional().describe('analysed at or after (ISO 8601)'),
  to: Instant.optional().describe('analysed before (ISO 8601)'),
  sender: z.string().max(320).transform((s) => s.toLowerCase()).optional(),
  recipient: z.string().max(320).transform((s) => s.toLowerCase()).optional(),
  group: z.string().min(1).max(200).optional().describe('a named group of the organisation: messages with at least one recipient in it'),
  senderDomain: z.string().max(255).transform((s) => s.toLowerCase()).optional().describe("the sender's domain, exactly"),
  tag: z.string().max(200).optional(),
  action: DeliveryActionSchema.optional(),
  direction: DirectionSchema.optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  maxScore: z.coerce.number().min(0).max(100).optional(),
  q: z.string().max(200).optional().describe('free text in subject or sender'),
});

export function messageRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/messages', {
    config: { access: 'viewer' },
    schema: {
      summary: 'Analysed messages, newest first, filtered and paged server-side',
      tags: ['messages'],
      querystring: MessageFilterQuery.extend(PagingQuery.shape),
      response: { 200: z.object({ items: z.array(MessageSummarySchema), hasMore: z.boolean(), limit: z.number(), offset: z.number() }), ...errors },
    },
  }, async (request, reply) => {
    const { limit, offset, ...query } = request.query;
    const filter = verdictFilterOf(query, ctx.org());
    if ('unknownGroup' in filter) return reply.code(400).send(unknownGroupError(filter.unknownGroup));
    const result = await ctx.store.searchVerdicts(filter, { limit, offset });
    return { items: result.items.map(summary), hasMore: result.hasMore, limit, offset };
  });

  api.get('/api/v1/messages/:id', {
    config: { access: 'viewer' },
    schema: {
      summary: 'One message: verdict with narrative spans, evidence, actions taken and not taken, link clicks, content (without the raw HTML), quarantine entry and history',
      tags: ['messages'],
      params: IdParams,
      response: {
        200: z.object({
          verdict: VerdictSchema,
          origin: z.string().nullable(),
          clicks: z.array(ClickSchema),
          content: ContentSchema.nullable(),
          contentRemovedAfterDays: z
            .number()
            .nullable()
            .describe('when `content` is null because the message was analysed longer ago than the message content retention: that retention in days; else null'),
          quarantine: MessageQuarantineSchema.nullable(),
          history: z.array(HistoryEntrySchema),
        }),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const stored = await ctx.store.getVerdict(request.params.id);
    if (!stored) return reply.code(404).send({ error: 'not_found', message: 'no such message' });
    const id = stored.verdict.id;
    const [clicks, content, held] = await Promise.all([ctx.store.listClicks(id), ctx.store.getMessageContent(id), ctx.store.listQuarantine({ verdictId: id, limit: 1 })]);
    const quarantine = held[0] ?? null;
    const history = await historyOf(ctx, [id, ...(quarantine ? [quarantine.id] : [])]);
    return {
      verdict: stored.verdict as unknown as z.infer<typeof VerdictSchema>,
      origin: stored.origin,
      clicks: clicks.map(({ verdictId: _verdictId, ...click }) => click),
      content: content ? contentView(content) : null,
      contentRemovedAfterDays: content ? null : await retentionThatRemoved(ctx, stored.verdict.analysedAt),
      quarantine: quarantine ? quarantineView(quarantine) : null,
      history: history.map(historyView),
    };
  });
}

/**
 * The content retention in force (the dashboard's setting, else the configuration) when it
 * covers no longer than the message's age: its content is gone because of it. Null when the
 * message is younger, so its content was never kept (a replay, a verdict from before content).
 */
async function retentionThatRemoved(ctx: ApiContext, analysedAt: number): Promise<number | null> {
  const days = (await loadEffectiveConfig(ctx.config ?? defaultConfig(), ctx.store)).messageRetentionDays;
  return analysedAt < ctx.now() - days * DAY_MS ? days : null;
}

/** Audit entries read per subject for a message's history: its newest, far more than a message collects. */
const HISTORY_PER_SUBJECT = 200;

/** Audit entries about any of these subjects (the verdict id, the quarantine id), oldest first. */
async function historyOf(ctx: ApiContext, subjects: readonly string[]): Promise<StoredAuditEntry[]> {
  const lists = await Promise.all(subjects.map((subject) => ctx.store.listAudit({ subject, limit: HISTORY_PER_SUBJECT })));
  const bySeq = new Map(lists.flat().map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The store filter for a message-list query: `q` becomes free text, `group` expands to its
 * members (recipientsAny). An unknown group is named rather than dropped: silently ignoring
 * it would answer "every message" to a question about one group.
 */
export function verdictFilterOf(query: z.infer<typeof MessageFilterQuery>, org: Org): VerdictFilter | { unknownGroup: string } {
  const { q, group, ...rest } = query;
  const members = group === undefined ? undefined : groupMembers(org, group);
  if (group !== undefined && members === undefined) return { unknownGroup: group };
  return { ...stripUndefined(rest), ...(q ? { text: q } : {}), ...(members ? { recipientsAny: members } : {}) };
}

/** The 400 answer for a filter naming a group the organisation does not have. */
export function unknownGroupError(group: string): { error: string; message: string } {
  return { error: 'bad_request', message: `no such group: ${group}` };
}

/** The group's member addresses in lower case; undefined when the organisation has no such group. */
export function groupMembers(org: Org, group: string): string[] | undefined {
  const groups = org.groups ?? {};
  // Own keys only: "constructor" or "__proto__" is not a group.
  if (!Object.hasOwn(groups, group)) return undefined;
  return [...new Set((groups[group] ?? []).map((m) => m.toLowerCase()))];
}

/** exactOptionalPropertyTypes-friendly: absent rather than undefined. */
export function stripUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
