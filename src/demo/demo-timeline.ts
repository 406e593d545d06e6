import { WEEK_MS, weeksToReach } from './redate.js';
import type { SimulatedMessage } from './simulated-mail.js';

/**
 * How the simulated months are laid over real time. The simulator writes fixed dates (2025);
 * the demo moves them by whole weeks (so every sender keeps their hours of the week) until the
 * test month ends at or just after now. Then:
 * - learn: the months before the test month, learned without verdicts;
 * - history: the test month up to now, scored at its own dates (weeks of trend charts);
 * - the live feed: first the rest of the test month (moved back one more week, so no message
 *   is dated in the future), then the whole test month again and again with new Message-IDs,
 *   each pass five weeks further back, so no day of the model's per-sender volumes is ever
 *   counted more than twice.
 */
export interface DemoTimeline {
  readonly shiftMs: number;
  readonly learn: readonly SimulatedMessage[];
  readonly history: readonly SimulatedMessage[];
  readonly rest: readonly SimulatedMessage[];
  readonly test: readonly SimulatedMessage[];
}

/** How far back each further pass of the test month goes (longer than the month plus a week). */
export const PASS_STEP_MS = 5 * WEEK_MS;

export function demoTimeline(messages: readonly SimulatedMessage[], testEnd: number, now: number): DemoTimeline {
  const shiftMs = weeksToReach(testEnd, now);
  const test = messages.filter((m) => m.phase === 'test');
  return {
    shiftMs,
    learn: messages.filter((m) => m.phase === 'learn'),
    history: test.filter((m) => m.date + shiftMs <= now),
    rest: test.filter((m) => m.date + shiftMs > now),
    test,
  };
}

/** One message of the live feed: which file, how far to move its dates, and whether it needs a new Message-ID. */
export interface FeedItem {
  readonly message: SimulatedMessage;
  readonly shiftMs: number;
  /** 0 for the rest of the test month (sent as written), then 1, 2, ...: those get a new Message-ID. */
  readonly pass: number;
}

/** The live feed, endless: the rest of the test month, then the test month pass after pass. */
export function* feedItems(timeline: DemoTimeline): Generator<FeedItem> {
  const first = timeline.shiftMs - WEEK_MS;
  for (const message of timeline.rest) yield { message, shiftMs: first, pass: 0 };
  if (timeline.test.length === 0) return;
  for (let pass = 1; ; pass += 1) {
    for (const message of timeline.test) yield { message, shiftMs: first - pass * PASS_STEP_MS, pass };
  }
}
