import type { Message } from '../core/message.js';
import type { Observation } from '../core/profile.js';
import type { Verdict } from '../core/verdict.js';
import { describeError } from '../errors.js';
import type { MailItem } from '../sources/collect.js';
import type { Engine } from './engine.js';
import { replayTime } from './engine.js';

/** Observations are written in batches: one transaction per this many messages keeps learning fast. */
export const LEARN_BATCH_MESSAGES = 250;

export interface BatchHooks {
  readonly onProblem: (origin: string, message: string) => void;
  readonly onMessage?: (item: MailItem) => void;
}

/** Replays items in order, carrying a replay clock so decay and "days known" follow the mail's own time. */
export class ReplayClock {
  private previous: number | null = null;
  constructor(private readonly wallClock: number) {}
  next(message: Message): number {
    this.previous = replayTime(message, this.previous, this.wallClock);
    return this.previous;
  }
}

/** Load and read one item; a problem is reported and null returned so the batch goes on. */
export async function loadAndRead(engine: Engine, item: MailItem, hooks: BatchHooks): Promise<Message | null> {
  let raw: Buffer;
  try {
    raw = await item.load();
  } catch (error) {
    hooks.onProblem(item.origin, describeError(error));
    return null;
  }
  try {
    return await engine.read(raw);
  } catch (error) {
    // The parser is built never to throw; if it does, the message is reported, not lost silently.
    hooks.onProblem(item.origin, `could not be analysed: ${describeError(error)}`);
    return null;
  }
}

/** Buffers observations and writes them in batches. */
export class Learner {
  private pending: Observation[] = [];
  private messages = 0;
  constructor(private readonly engine: Engine) {}

  async add(message: Message, verdict: Verdict | null, at: number): Promise<void> {
    this.pending.push(...this.engine.observe(message, verdict, at));
    this.messages += 1;
    if (this.messages >= LEARN_BATCH_MESSAGES) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.messages = 0;
    await this.engine.learn(batch);
  }
}

/** `belong learn`: every item learned without scoring (the initial learning period). */
export async function learnItems(engine: Engine, items: readonly MailItem[], wallClock: number, hooks: BatchHooks): Promise<number> {
  const clock = new ReplayClock(wallClock);
  const learner = new Learner(engine);
  let learned = 0;
  for (const item of items) {
    const message = await loadAndRead(engine, item, hooks);
    hooks.onMessage?.(item);
    if (!message) continue;
    await learner.add(message, null, clock.next(message));
    learned += 1;
  }
  await learner.flush();
  return learned;
}
