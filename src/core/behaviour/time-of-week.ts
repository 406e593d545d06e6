/**
 * Time buckets for patterns of life, always in UTC from the Date header's epoch ms: the
 * corpora's Date headers carry real time zones, and a sender's local habits are stable in UTC
 * too (a night-shift writer stays a night-shift writer).
 */

export const HOURS_PER_WEEK = 168;

/** Hour of the week, 0 = Monday 00:00–00:59 UTC … 167 = Sunday 23:00 UTC. */
export function hourOfWeek(epochMs: number): number {
  const d = new Date(epochMs);
  const mondayFirst = (d.getUTCDay() + 6) % 7;
  return mondayFirst * 24 + d.getUTCHours();
}

export function hourOfDayFromWeek(how: number): number {
  return how % 24;
}

export function isWeekendHour(how: number): boolean {
  return how >= 5 * 24;
}

/** The UTC calendar day, YYYY-MM-DD: the per-day volume counter's value. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Circular distance between two hours of the day (23 and 0 are one hour apart). */
export function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}
