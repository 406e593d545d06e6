import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Org } from '../../core/org.js';
import type { Store } from '../../store/store.js';
import type { VerdictCountRow, VerdictFilter } from '../../store/verdict-search.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';
import { BAR_FIELDS, type BarField } from './dashboard-schemas.js';
import { WidgetFilterSchema } from './insight-filter.js';
import { DayPointSchema, DaysQuery, daySeries, daysWindow } from './insight-schemas.js';
import { MessageSummarySchema, summary } from './message-schemas.js';
import { groupMembers, unknownGroupError, verdictFilterOf } from './messages.js';

/** Bars per chart, and rows per table: a widget is a glance, the email list is for reading. */
export const MAX_BARS = 20;
export const TABLE_ROWS = 25;

const WidgetDataSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('timeseries'), series: z.array(DayPointSchema) }),
  z.object({ type: z.literal('bar'), bars: z.array(z.object({ label: z.string(), count: z.number() })) }),
  z.object({ type: z.literal('table'), items: z.array(MessageSummarySchema) }),
]);

type Bars = Array<{ label: string; count: number }>;

function topBars(counts: ReadonlyMap<string, number>): Bars {
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_BARS)
    .map(([label, count]) => ({ label, count }));
}

/** Tag, action and direction bars fold the store's per-(day, direction, action, tag set) counts; a message counts once per tag. */
function foldBars(rows: readonly VerdictCountRow[], by: 'tag' | 'action' | 'direction'): Bars {
  const counts = new Map<string, number>();
  const bump = (label: string, n: number) => counts.set(label, (counts.get(label) ?? 0) + n);
  for (const row of rows) {
    if (by === 'tag') for (const tag of row.tags) bump(tag, row.count);
    else bump(by === 'action' ? row.delivery : row.direction, row.count);
  }
  return topBars(counts);
}

/**
 * Messages per named group: one count query per group, the filter narrowed to "at least one
 * recipient in the group", so a message to three executives counts once for `executives` (and
 * once more for every other group it reached). When the filter already names a group, a message
 * counts for another group only if one recipient is in both (the store takes one member list
 * per query): an undercount for mail that reached the two groups through different people.
 */
async function groupBars(store: Store, org: Org, filter: VerdictFilter): Promise<Bars> {
  const counts = new Map<string, number>();
  await Promise.all(
    Object.keys(org.groups ?? {}).map(async (name) => {
      const members = groupMembers(org, name) ?? [];
      const within = filter.recipientsAny ? members.filter((m) => filter.recipientsAny?.includes(m)) : members;
      const rows = await store.countVerdicts({ ...filter, recipientsAny: within });
      counts.set(name, rows.reduce((n, r) => n + r.count, 0));
    }),
  );
  return topBars(counts);
}

async function bars(store: Store, org: Org, filter: VerdictFilter, by: BarField): Promise<Bars> {
  switch (by) {
    case 'tag':
    case 'action':
    case 'direction':
      return foldBars(await store.countVerdicts(filter), by);
    case 'group':
      return groupBars(store, org, filter);
    case 'recipient':
    case 'sender':
    case 'senderDomain': {
      // A threshold of 0 makes every message "anomalous", so the store's ranking is by volume.
      const rows = await store.groupVerdicts(filter, { by, anomalousScore: 0, limit: MAX_BARS });
      return topBars(new Map(rows.map((r) => [r.value, r.total])));
    }
  }
}

export const WidgetQuery = WidgetFilterSchema.extend({
  view: z.enum(['timeseries', 'bar', 'table']),
  by: z.enum(BAR_FIELDS).optional().describe('required for view=bar'),
  days: DaysQuery,
});

export function widgetRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/widgets/data', {
    config: { access: 'viewer' },
    schema: {
      summary: "A dashboard widget's data: its filter over the last `days` days as a daily series, up to 20 bars, or the 25 newest messages",
      tags: ['dashboards'],
      querystring: WidgetQuery,
      response: { 200: WidgetDataSchema, ...errors },
    },
  }, async (request, reply) => {
    const { view, by, days, ...widgetFilter } = request.query;
    const window = daysWindow(ctx.now(), days);
    const org = ctx.org();
    // The same filter as GET /messages, so a widget and the email list it links to agree.
    const filter = verdictFilterOf({ ...widgetFilter, ...window }, org);
    if ('unknownGroup' in filter) return reply.code(400).send(unknownGroupError(filter.unknownGroup));
    switch (view) {
      case 'timeseries':
        return { type: 'timeseries' as const, series: daySeries(await ctx.store.countVerdicts(filter), window.from, window.to) };
      case 'table':
        return { type: 'table' as const, items: (await ctx.store.searchVerdicts(filter, { limit: TABLE_ROWS })).items.map(summary) };
      case 'bar':
        if (!by) return reply.code(400).send({ error: 'bad_request', message: 'view=bar needs by=' + BAR_FIELDS.join('|') });
        return { type: 'bar' as const, bars: await bars(ctx.store, org, filter, by) };
    }
  });
}
