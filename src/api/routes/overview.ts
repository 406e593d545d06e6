import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isInternalDomain } from '../../core/org.js';
import type { QuarantineState, Store } from '../../store/store.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';
import { anomalousScoreOf, policyOf } from './anomalous-threshold.js';
import { ByActionSchema, DayPointSchema, DaysQuery, GroupRowSchema, PersonSchema, addAction, daySeries, daysWindow, emptyByAction, groupRowView } from './insight-schemas.js';
import { rankPeople } from './people-data.js';

const TOP = 5;
/** Held entries are counted a page at a time (the store has no count); the queue is bounded by retention. */
const HELD_PAGE = 1000;

const OverviewSchema = z.object({
  from: z.number(),
  to: z.number(),
  total: z.number(),
  byAction: ByActionSchema,
  byTag: z.record(z.string(), z.number()),
  heldAwaiting: z.number().describe('held messages still awaiting a decision (held or release requested)'),
  series: z.array(DayPointSchema),
  topTargeted: z.array(PersonSchema),
  topSenders: z.array(GroupRowSchema),
  topDomains: z.array(GroupRowSchema),
});

async function countQuarantine(store: Store, state: QuarantineState): Promise<number> {
  let count = 0;
  for (;;) {
    const page = await store.listQuarantine({ state, limit: HELD_PAGE, offset: count });
    count += page.length;
    if (page.length < HELD_PAGE) return count;
  }
}

export function overviewRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/overview', {
    config: { access: 'viewer' },
    schema: {
      summary: 'The last N days at a glance: totals by action and tag, a daily series, mail awaiting a decision, the most targeted people and the most anomalous senders and domains',
      tags: ['overview'],
      querystring: z.object({ days: DaysQuery }),
      response: { 200: OverviewSchema, ...errors },
    },
  }, async (request) => {
    const window = daysWindow(ctx.now(), request.query.days);
    const org = ctx.org();
    const anomalousScore = anomalousScoreOf(policyOf(ctx));
    const [rows, held, releaseRequested, topTargeted, senders, domains] = await Promise.all([
      ctx.store.countVerdicts(window),
      countQuarantine(ctx.store, 'held'),
      countQuarantine(ctx.store, 'release_requested'),
      rankPeople(ctx, window, TOP),
      ctx.store.groupVerdicts(window, { by: 'sender', anomalousScore, limit: TOP }),
      // The organisation's own domains would top the list by volume; they are not "senders" to watch.
      ctx.store.groupVerdicts(window, { by: 'senderDomain', anomalousScore, limit: TOP + org.domains.length }),
    ]);
    const byAction = emptyByAction();
    const byTag: Record<string, number> = {};
    let total = 0;
    for (const row of rows) {
      total += row.count;
      addAction(byAction, row.delivery, row.count);
      for (const tag of row.tags) byTag[tag] = (byTag[tag] ?? 0) + row.count;
    }
    return {
      ...window,
      total,
      byAction,
      byTag,
      heldAwaiting: held + releaseRequested,
      series: daySeries(rows, window.from, window.to),
      topTargeted,
      topSenders: senders.map(groupRowView),
      topDomains: domains.filter((r) => !isInternalDomain(org, r.value)).slice(0, TOP).map(groupRowView),
    };
  });
}
