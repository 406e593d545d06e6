import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { IdParams, Instant, PagingQuery, errors } from '../schemas.js';
import { ClickSchema, MessageSummarySchema, VerdictSchema, summary } from './message-schemas.js';

export const MessageFilterQuery = z.object({
  from: Instant.optional().describe('analysed at or after (ISO 8601)'),
  to: Instant.optional().describe('analysed before (ISO 8601)'),
  sender: z.string().max(320).transform((s) => s.toLowerCase()).optional(),
  recipient: z.string().max(320).transform((s) => s.toLowerCase()).optional(),
  tag: z.string().max(200).optional(),
  action: z.enum(['deliver', 'banner', 'junk', 'hold']).optional(),
  direction: z.enum(['inbound', 'outbound', 'internal']).optional(),
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
  }, async (request) => {
    const { limit, offset, q, ...filter } = request.query;
    const result = await ctx.store.searchVerdicts({ ...stripUndefined(filter), ...(q ? { text: q } : {}) }, { limit, offset });
    return { items: result.items.map(summary), hasMore: result.hasMore, limit, offset };
  });

  api.get('/api/v1/messages/:id', {
    config: { access: 'viewer' },
    schema: {
      summary: 'One message: verdict with narrative spans, evidence, actions taken and not taken, link clicks',
      tags: ['messages'],
      params: IdParams,
      response: { 200: z.object({ verdict: VerdictSchema, origin: z.string().nullable(), clicks: z.array(ClickSchema) }), ...errors },
    },
  }, async (request, reply) => {
    const stored = await ctx.store.getVerdict(request.params.id);
    if (!stored) return reply.code(404).send({ error: 'not_found', message: 'no such message' });
    const clicks = (await ctx.store.listClicks(stored.verdict.id)).map(({ verdictId: _verdictId, ...click }) => click);
    return { verdict: stored.verdict as unknown as z.infer<typeof VerdictSchema>, origin: stored.origin, clicks };
  });
}

/** exactOptionalPropertyTypes-friendly: absent rather than undefined. */
export function stripUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
