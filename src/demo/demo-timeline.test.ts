import { describe, expect, it } from 'vitest';
import { demoTimeline, feedItems, PASS_STEP_MS } from './demo-timeline.js';
import { WEEK_MS } from './redate.js';
import type { SimulatedMessage } from './simulated-mail.js';

const DAY = 86_400_000;
const at = (day: number, phase: 'learn' | 'test'): SimulatedMessage => ({ file: `${phase}-${day}.eml`, phase, label: 'legit', kind: '', date: day * DAY });

describe('demo timeline', () => {
  // Learn days 0..149, test days 150..179 (one message a day), "now" well after.
  const messages = [...Array.from({ length: 150 }, (_, d) => at(d, 'learn')), ...Array.from({ length: 30 }, (_, d) => at(150 + d, 'test'))];
  const testEnd = 179 * DAY;
  const now = 1000 * DAY + 3 * DAY + 5_000;

  it('moves by whole weeks so the test month ends at or within a week after now', () => {
    const t = demoTimeline(messages, testEnd, now);
    expect(t.shiftMs % WEEK_MS).toBe(0);
    expect(testEnd + t.shiftMs).toBeGreaterThanOrEqual(now);
    expect(testEnd + t.shiftMs - now).toBeLessThan(WEEK_MS);
    expect(t.learn).toHaveLength(150);
    expect(t.history.length + t.rest.length).toBe(30);
    expect(t.history.every((m) => m.date + t.shiftMs <= now)).toBe(true);
    expect(t.rest.every((m) => m.date + t.shiftMs > now)).toBe(true);
    expect(t.history.length).toBeGreaterThanOrEqual(23);
  });

  it('feeds the rest first, never dated after now, then the test month again, each pass further back and without overlap', () => {
    const t = demoTimeline(messages, testEnd, now);
    const items = [...take(feedItems(t), t.rest.length + 3 * 30)];
    const dated = items.map((i) => ({ pass: i.pass, date: i.message.date + i.shiftMs }));
    expect(dated.every((d) => d.date <= now)).toBe(true);
    expect(items.slice(0, t.rest.length).every((i) => i.pass === 0)).toBe(true);
    const range = (pass: number): [number, number] => {
      const dates = dated.filter((d) => d.pass === pass).map((d) => d.date);
      return [Math.min(...dates), Math.max(...dates)];
    };
    for (const pass of [1, 2]) expect(range(pass + 1)[1]).toBeLessThan(range(pass)[0]);
    expect(range(1)[1]).toBeLessThan(t.rest.length > 0 ? range(0)[0] : now);
    expect(items[t.rest.length]?.shiftMs).toBe(t.shiftMs - WEEK_MS - PASS_STEP_MS);
  });
});

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}
