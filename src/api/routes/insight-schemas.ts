import { z } from 'zod';
import type { DeliveryAction } from '../../core/verdict.js';
import { DAY_MS, type VerdictCountRow, type VerdictGroupRow } from '../../store/verdict-search.js';

/** Shapes shared by the profile, people, overview and widget routes (docs/api.md). */
export const CountedSchema = z.object({ value: z.string(), count: z.number() });

export const StatsSchema = z.object({ total: z.number(), anomalous: z.number(), actioned: z.number(), held: z.number(), maxScore: z.number() });

export const GroupRowSchema = z.object({ value: z.string(), total: z.number(), anomalous: z.number(), actioned: z.number(), held: z.number(), maxScore: z.number(), lastAt: z.number() });

export const PersonSchema = z.object({
  address: z.string(),
  groups: z.array(z.string()),
  vip: z.boolean(),
  total: z.number(),
  anomalous: z.number(),
  actioned: z.number(),
  held: z.number(),
  maxScore: z.number(),
  clicks: z.number(),
  exposure: z.number().min(0).max(100),
  reasons: z.array(z.string()),
  topTags: z.array(z.object({ tag: z.string(), count: z.number() })),
});
export type Person = z.infer<typeof PersonSchema>;

const DELIVERY_ACTIONS: readonly DeliveryAction[] = ['deliver', 'banner', 'junk', 'hold'];
export const ByActionSchema = z.object({ deliver: z.number(), banner: z.number(), junk: z.number(), hold: z.number() });
export type ByAction = z.infer<typeof ByActionSchema>;

export const DayPointSchema = z.object({ day: z.string().describe('UTC day, YYYY-MM-DD'), total: z.number(), byAction: ByActionSchema });
export type DayPoint = z.infer<typeof DayPointSchema>;

/** A person or sender in the path (GET /people/:address, /senders/:address), compared lower-case. */
export const AddressParams = z.object({ address: z.string().trim().min(3).max(320).transform((s) => s.toLowerCase()) });

export const DaysQuery = z.coerce.number().int().min(1).max(366).default(30);

export function emptyByAction(): ByAction {
  return { deliver: 0, banner: 0, junk: 0, hold: 0 };
}

export function addAction(counts: ByAction, action: string, n: number): void {
  if ((DELIVERY_ACTIONS as readonly string[]).includes(action)) counts[action as DeliveryAction] += n;
}

/** The last `days` UTC days up to now: from the start of the first day (as GET /metrics counts them). */
export function daysWindow(now: number, days: number): { from: number; to: number } {
  return { from: Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS, to: now };
}

/** One point per UTC day of [from, to), days without mail included as zeros so charts keep their time axis. */
export function daySeries(rows: readonly VerdictCountRow[], from: number, to: number): DayPoint[] {
  const points = new Map<number, DayPoint>();
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
    points.set(day, { day: new Date(day).toISOString().slice(0, 10), total: 0, byAction: emptyByAction() });
  }
  for (const row of rows) {
    const point = points.get(row.day);
    if (!point) continue;
    point.total += row.count;
    addAction(point.byAction, row.delivery, row.count);
  }
  return [...points.values()];
}

export function statsOf(row: VerdictGroupRow | undefined): z.infer<typeof StatsSchema> {
  return { total: row?.total ?? 0, anomalous: row?.anomalous ?? 0, actioned: row?.actioned ?? 0, held: row?.held ?? 0, maxScore: row?.maxScore ?? 0 };
}

export function groupRowView(row: VerdictGroupRow): z.infer<typeof GroupRowSchema> {
  return { value: row.value, total: row.total, anomalous: row.anomalous, actioned: row.actioned, held: row.held, maxScore: row.maxScore, lastAt: row.lastAt };
}
