import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_MS, type VerdictCountRow } from '../../store/verdict-search.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';
import { MessageFilterQuery, verdictFilterOf } from './messages.js';

const Counts = z.record(z.string(), z.number());
const DaySchema = z.object({ day: z.string(), total: z.number(), byAction: Counts, byTag: Counts, byDirection: Counts });

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** Folds (day, direction, action, tag set) counts into one entry per day; a message counts once per tag it has. */
export function foldByDay(rows: readonly VerdictCountRow[]): Array<z.infer<typeof DaySchema>> {
  const days = new Map<number, z.infer<typeof DaySchema>>();
  const bump = (counts: Record<string, number>, key: string, n: number) => {
    counts[key] = (counts[key] ?? 0) + n;
  };
  for (const row of rows) {
    const day = days.get(row.day) ?? { day: new Date(row.day).toISOString().slice(0, 10), total: 0, byAction: {}, byTag: {}, byDirection: {} };
    day.total += row.count;
    bump(day.byAction, row.delivery, row.count);
    bump(day.byDirection, row.direction, row.count);
    for (const tag of row.tags) bump(day.byTag, tag, row.count);
    days.set(row.day, day);
  }
  return [...days.entries()].sort(([a], [b]) => a - b).map(([, d]) => d);
}

export function metricsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/metrics', {
    config: { access: 'viewer' },
    schema: {
      summary: 'Message counts per UTC day, by action, tag and direction, for any message filter (days without mail are absent)',
      tags: ['metrics'],
      // The message list's filters (group, sender, recipient, tag, action, score, text...): a chart of any slice.
      querystring: MessageFilterQuery,
      response: { 200: z.object({ from: z.number(), to: z.number(), days: z.array(DaySchema) }), ...errors },
    },
  }, async (request, reply) => {
    const to = request.query.to ?? ctx.now();
    const from = request.query.from ?? Math.floor(to / DAY_MS) * DAY_MS - (DEFAULT_DAYS - 1) * DAY_MS;
    if (to - from > MAX_DAYS * DAY_MS || to < from) return reply.code(400).send({ error: 'bad_request', message: `range must be 0..${MAX_DAYS} days` });
    const filter = verdictFilterOf(request.query, ctx.org());
    if ('unknownGroup' in filter) return reply.code(400).send({ error: 'bad_request', message: `no such group: ${filter.unknownGroup}` });
    const rows = await ctx.store.countVerdicts({ ...filter, from, to });
    return { from, to, days: foldByDay(rows) };
  });
}
