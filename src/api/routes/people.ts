import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_MS } from '../../store/verdict-search.js';
import type { ApiContext } from '../context.js';
import { Instant, errors } from '../schemas.js';
import { AddressParams, PersonSchema, daysWindow } from './insight-schemas.js';
import { MessageSummarySchema, summary } from './message-schemas.js';
import { personDetail, rankPeople } from './people-data.js';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
/** Anomalous messages listed on a person's page. */
const RECENT = 20;

const WindowQuery = z.object({ from: Instant.optional().describe('default: 30 days before `to`'), to: Instant.optional().describe('default: now') });

const PersonClickSchema = z.object({ token: z.string(), url: z.string(), at: z.number(), outcome: z.enum(['continued', 'blocked']), verdictId: z.string() });

/** `from`/`to` as GET /metrics takes them: the last 30 UTC days by default, at most 366 days. */
function windowOf(query: { from?: number | undefined; to?: number | undefined }, now: number): { from: number; to: number } | null {
  const to = query.to ?? now;
  const from = query.from ?? daysWindow(to, DEFAULT_DAYS).from;
  return to < from || to - from > MAX_DAYS * DAY_MS ? null : { from, to };
}

export function peopleRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const badRange = { error: 'bad_request', message: `range must be 0..${MAX_DAYS} days` };

  api.get('/api/v1/people', {
    config: { access: 'viewer' },
    schema: {
      summary: "The organisation's people ranked by exposure (anomalous mail received, how targeted, holds, VIP, clicks), with plain-English reasons",
      tags: ['people'],
      querystring: WindowQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ from: z.number(), to: z.number(), items: z.array(PersonSchema) }), ...errors },
    },
  }, async (request, reply) => {
    const window = windowOf(request.query, ctx.now());
    if (!window) return reply.code(400).send(badRange);
    return { ...window, items: await rankPeople(ctx, window, request.query.limit) };
  });

  api.get('/api/v1/people/:address', {
    config: { access: 'viewer' },
    schema: {
      summary: 'One person: exposure over the period, their newest anomalous messages and their locked-link clicks',
      tags: ['people'],
      params: AddressParams,
      querystring: WindowQuery,
      response: { 200: z.object({ person: PersonSchema, recent: z.array(MessageSummarySchema), clicks: z.array(PersonClickSchema) }), ...errors },
    },
  }, async (request, reply) => {
    const window = windowOf(request.query, ctx.now());
    if (!window) return reply.code(400).send(badRange);
    const { person, recent, clicks } = await personDetail(ctx, request.params.address, window, RECENT);
    return { person, recent: recent.map(summary), clicks: clicks.map((c) => ({ token: c.token, url: c.url, at: c.at, outcome: c.outcome, verdictId: c.verdictId })) };
  });
}
