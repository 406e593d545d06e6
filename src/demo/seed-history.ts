import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Envelope, Message } from '../core/message.js';
import type { Verdict } from '../core/verdict.js';
import { Learner, ReplayClock } from '../engine/batch.js';
import type { Engine } from '../engine/engine.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import { redate } from './redate.js';
import type { SimulatedMessage } from './simulated-mail.js';

export type SeedPhase = 'learn' | 'history';

export interface SeedOptions {
  readonly engine: Engine;
  /** Held history goes here (sealed, releasable) when autonomy is active; null: verdicts only. */
  readonly quarantine: Quarantine | null;
  /** Added to every simulated date (whole weeks: the senders' hours of the week are kept). */
  readonly shiftMs: number;
  /** The wall clock: a (shifted) date after it is not believed (as when replaying real mail). */
  readonly now: number;
  readonly onProgress?: (phase: SeedPhase, done: number, total: number) => void;
  /** How often onProgress is called (every this many messages, and at the end). */
  readonly progressEvery?: number;
}

export interface SeedResult {
  readonly learned: number;
  readonly scored: number;
  readonly held: number;
}

/** The SMTP envelope a message would have arrived with: Return-Path (else From), To and Cc. */
export function envelopeOf(message: Message): Envelope {
  const rcptTo = [...new Set([...message.to, ...message.cc].map((a) => a.address))];
  return { mailFrom: message.returnPath?.address ?? message.from?.address ?? null, rcptTo, clientIp: null, helo: null };
}

/** A quarantine id in the spool's shape (base36 time, random hex): the quarantine refuses any other. */
function quarantineId(at: number): string {
  return `${at.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

/**
 * Gives the store a past: the learn messages are learned (no verdicts, as `belong learn`), then
 * the history messages are scored in order at their own (shifted) dates, stored with their
 * content, and learned from, exactly as the engine does in production. What the plan holds is
 * sealed into the quarantine, so the held queue has something to release.
 */
export async function seedHistory(learn: readonly SimulatedMessage[], history: readonly SimulatedMessage[], options: SeedOptions): Promise<SeedResult> {
  const { engine, shiftMs } = options;
  const every = options.progressEvery ?? 500;
  const report = (phase: SeedPhase, done: number, total: number): void => {
    if (done % every === 0 || done === total) options.onProgress?.(phase, done, total);
  };
  const clock = new ReplayClock(options.now);
  const learner = new Learner(engine);
  let learned = 0;
  for (const item of learn) {
    const message = await engine.read(redate(await readFile(item.file), { shiftMs }));
    await learner.add(message, null, clock.next(message));
    learned += 1;
    report('learn', learned, learn.length);
  }
  await learner.flush();
  let scored = 0;
  let held = 0;
  for (const item of history) {
    const raw = redate(await readFile(item.file), { shiftMs });
    const at = item.date + shiftMs;
    const { message, verdict } = await engine.process(raw, { now: at, origin: `demo:${item.file}` });
    if (options.quarantine && holds(verdict)) {
      await options.quarantine.hold({ id: quarantineId(at), receivedAt: at, envelope: envelopeOf(message), verdictId: verdict.id }, raw);
      held += 1;
    }
    scored += 1;
    report('history', scored, history.length);
  }
  return { learned, scored, held };
}

function holds(verdict: Verdict): boolean {
  return verdict.actions.delivery === 'hold';
}
