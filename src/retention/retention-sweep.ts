import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { loadEffectiveConfig } from '../config/settings-overrides.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import type { Store } from '../store/store.js';
import { pruneExpiredContent } from './content-retention.js';

/** How often the running gateway (or `belong serve`) removes what is past its retention. */
export const RETENTION_SWEEP_EVERY_MS = 3_600_000;

/**
 * The message content retention in force, read afresh: the dashboard's setting kept in the store
 * over this process's configuration. Every process sharing the store then prunes by the same
 * number, so one started before a change cannot remove content a longer setting keeps.
 */
export function storedMessageRetention(config: Config, store: Store): () => Promise<number> {
  return async () => (await loadEffectiveConfig(config, store)).messageRetentionDays;
}

export interface RetentionSweepOptions {
  readonly store: Store;
  /** Held mail to expire (where a gateway runs); null sweeps message content only. */
  readonly quarantine: Pick<Quarantine, 'expire'> | null;
  /**
   * The message content retention in force, asked at every sweep: a change made in the
   * dashboard (kept in the store) applies to the next sweep, in this process or any other.
   */
  readonly messageRetentionDays: () => Promise<number>;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly everyMs?: number;
}

export interface RetentionSweep {
  /** One sweep now, after any in flight (sweeps never overlap); never rejects, failures are logged. */
  sweep(): Promise<void>;
  /** No more sweeps; waits for those already asked for, so the store can be closed after. */
  stop(): Promise<void>;
}

/**
 * The retention timer `belong gateway`, `belong serve` (with or without the gateway) and the
 * demo run: at start and then hourly, held mail past quarantineRetentionDays expires and the
 * content of messages analysed more than messageRetentionDays ago is removed. Each part logs
 * its own failure and the other still runs.
 */
export function startRetentionSweep(options: RetentionSweepOptions): RetentionSweep {
  const { store, quarantine, logger } = options;
  const now = options.now ?? Date.now;
  let stopped = false;
  let last: Promise<void> = Promise.resolve();

  const expireHeld = async (): Promise<void> => {
    if (!quarantine) return;
    try {
      const expired = await quarantine.expire();
      if (expired.length > 0) logger.info({ expired }, 'quarantine retention: expired held mail');
    } catch (error) {
      logger.error({ err: error }, 'quarantine expiry failed');
    }
  };
  const pruneContent = async (): Promise<void> => {
    try {
      const retentionDays = await options.messageRetentionDays();
      const { before, removed } = await pruneExpiredContent({ store, retentionDays, now: now() });
      if (removed > 0) logger.info({ removed, before: new Date(before).toISOString(), retentionDays }, 'message retention: removed the content of old messages (verdicts kept)');
    } catch (error) {
      logger.error({ err: error }, 'message content retention failed');
    }
  };

  const sweep = (): Promise<void> => {
    if (stopped) return last;
    last = last.then(async () => {
      await expireHeld();
      await pruneContent();
    });
    return last;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? RETENTION_SWEEP_EVERY_MS);
  timer.unref();
  return {
    sweep,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await last;
    },
  };
}
