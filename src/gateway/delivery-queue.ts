import type { Logger } from 'pino';
import type { Envelope } from '../core/message.js';
import type { Verdict } from '../core/verdict.js';
import { buildDsn, headerSection } from './dsn.js';
import { ANALYSIS_FAILED_HEADERS, prependHeaders, verdictHeaders } from './headers.js';
import type { GatewayMetrics } from './metrics.js';
import type { PlanApplier } from './plan-applier.js';
import type { Relay } from './relay.js';
import { FINAL_STATES, newRecord, type Spool, type SpoolRecord } from './spool.js';

export type Analyse = (raw: Buffer, envelope: Envelope, now: number, origin: string) => Promise<Verdict>;

export interface QueueOptions {
  readonly spool: Spool;
  readonly analyse: Analyse;
  /** null in journal mode: analyse and record, never relay. */
  readonly relay: Relay | null;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly workers: number;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  readonly retryWindowMs: number;
  readonly onAnalysisFailure: 'deliver' | 'hold';
  readonly hostname: string;
  readonly now?: () => number;
  /** When set, held mail moves into the quarantine and leaves the spool; released digests are never held. */
  readonly quarantine?: QueueQuarantine;
  /** Autonomy: passive records only, active holds and rewrites (plan-applier.ts); absent = hold on hold, never rewrite. */
  readonly planApplier?: PlanApplier;
}

/** What the queue needs from the quarantine (src/quarantine/quarantine.ts). */
export interface QueueQuarantine {
  hold(request: { id: string; receivedAt: number; envelope: Envelope; verdictId: string | null }, raw: Buffer): Promise<unknown>;
  wasReleased(digest: string): Promise<boolean>;
}

/**
 * Moves spooled messages through received → analysed → actioned → relayed / held / bounced
 * (journaled in journal mode). The record is saved at accept (fsynced), once the verdict is
 * decided, and after each deferred attempt; a restart resumes at the last saved step, so relay
 * is at-least-once and a resumed relay reuses the saved verdict id. Final records are removed.
 */
export class DeliveryQueue {
  private readonly ready: SpoolRecord[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly known = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private active = 0;
  private stopping = false;
  private readonly now: () => number;

  constructor(private readonly options: QueueOptions) {
    this.now = options.now ?? Date.now;
  }

  get depth(): number {
    return this.known.size;
  }

  /** Picks up every unfinished message left by a previous run (crash or shutdown). */
  async resume(): Promise<number> {
    const records = await this.options.spool.unfinished();
    for (const record of records) {
      if (record.state === 'held' && !this.options.quarantine) continue;
      this.schedule(record);
    }
    return records.length;
  }

  add(record: SpoolRecord): void {
    this.schedule(record);
  }

  private schedule(record: SpoolRecord): void {
    if (this.stopping) return;
    this.known.add(record.id);
    this.options.metrics.queueDepth.set(this.known.size);
    const wait = record.nextAttemptAt - this.now();
    if (wait <= 0) {
      this.ready.push(record);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(record.id);
      this.ready.push(record);
      this.pump();
    }, wait);
    this.timers.set(record.id, timer);
  }

  private pump(): void {
    while (!this.stopping && this.active < this.options.workers && this.ready.length > 0) {
      const record = this.ready.shift() as SpoolRecord;
      this.active += 1;
      const work = this.advance(record)
        .catch((error: unknown) => {
          // The spool itself failed (disk): leave the record as saved and try again later.
          this.options.logger.error({ id: record.id, err: error }, 'spool step failed; will retry');
          record.nextAttemptAt = this.now() + this.options.retryInitialMs;
          this.known.delete(record.id);
          this.schedule(record);
        })
        .finally(() => {
          this.active -= 1;
          this.inFlight.delete(work);
          this.pump();
        });
      this.inFlight.add(work);
    }
  }

  /** Stops taking work, cancels retry timers, waits for what is in flight; the rest stays spooled. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private finish(record: SpoolRecord): Promise<void> {
    this.known.delete(record.id);
    this.options.metrics.queueDepth.set(this.known.size);
    this.options.metrics.messages.inc({ result: record.state });
    this.options.logger.info({ id: record.id, state: record.state, verdictId: record.verdictId, attempts: record.attempts }, 'message finished');
    return FINAL_STATES.has(record.state) ? this.options.spool.remove(record.id) : Promise.resolve();
  }

  private async advance(record: SpoolRecord): Promise<void> {
    const { spool } = this.options;
    // Out of quarantine: relayed as it is, never analysed (and so never held) again.
    if (record.state === 'held' && this.options.quarantine) return this.quarantine(record);
    if (record.state === 'released') {
      record.state = 'actioned';
      record.headers = [];
      record.delivery = 'deliver';
    }
    if (record.state === 'received') await this.analyse(record);
    if (record.state === 'analysed') {
      // One save for both steps: a crash before it re-analyses (same verdict id), after it relays.
      const next = this.decide(record);
      record.state = next;
      if (FINAL_STATES.has(next)) return this.finish(record);
      await spool.save(record);
      if (next === 'held' && this.options.quarantine) return this.quarantine(record);
      if (next !== 'actioned') return this.finish(record);
    }
    if (record.state === 'actioned') await this.relay(record);
  }

  private async analyse(record: SpoolRecord): Promise<void> {
    const started = performance.now();
    try {
      const raw = await this.options.spool.readRaw(record.id);
      // Judged at its arrival time: a re-analysis after a crash yields the same verdict id.
      const verdict = await this.options.analyse(raw, record.envelope, record.receivedAt, `gateway:${record.id}`);
      record.verdictId = verdict.id;
      record.headers = verdictHeaders(verdict);
      const released = verdict.actions.delivery === 'hold' && (await this.options.quarantine?.wasReleased(verdict.digest));
      record.delivery = verdict.actions.delivery === 'hold' && !released ? 'hold' : 'deliver';
      if (this.options.planApplier && !released) {
        const decided = this.options.planApplier.decide(verdict, raw, record.delivery);
        record.delivery = decided.delivery;
        record.rewrite = decided.rewrite;
        record.headers = [...record.headers, ...decided.headers];
      }
    } catch (error) {
      this.options.logger.warn({ id: record.id, err: error }, 'analysis failed');
      this.options.metrics.messages.inc({ result: 'analysis_failed' });
      record.analysisFailed = true;
      record.headers = ANALYSIS_FAILED_HEADERS;
      record.delivery = this.options.onAnalysisFailure;
    }
    this.options.metrics.analysisLatency.observe((performance.now() - started) / 1000);
    record.state = 'analysed';
  }

  private decide(record: SpoolRecord): 'journaled' | 'held' | 'actioned' {
    if (this.options.relay === null) return 'journaled';
    return record.delivery === 'hold' ? 'held' : 'actioned';
  }

  private async relay(record: SpoolRecord): Promise<void> {
    const relay = this.options.relay as Relay;
    // A released message goes out byte for byte as received (no X-Belong headers added).
    const original = await this.options.spool.readRaw(record.id);
    const raw = record.released === true ? original : this.options.planApplier ? await this.options.planApplier.outgoing(original, record.rewrite, record.headers) : prependHeaders(original, record.headers);
    record.attempts += 1;
    const outcome = await relay.send(record.envelope.mailFrom, record.pending, raw);
    const settled = new Set([...outcome.delivered, ...outcome.refused.map((r) => r.recipient)].map((a) => a.toLowerCase()));
    record.pending = record.pending.filter((r) => !settled.has(r.toLowerCase()));
    record.failed.push(...outcome.refused);
    if (outcome.refused.length > 0) this.options.metrics.relayFailures.inc({ kind: 'permanent' });
    if (outcome.deferred.length > 0) {
      this.options.metrics.relayFailures.inc({ kind: 'temporary' });
      record.lastError = outcome.deferred[0]?.reply ?? null;
      const now = this.now();
      if (now - record.receivedAt < this.options.retryWindowMs) {
        const backoff = Math.min(this.options.retryMaxMs, this.options.retryInitialMs * 2 ** (record.attempts - 1));
        record.nextAttemptAt = now + backoff;
        await this.options.spool.save(record);
        this.options.logger.info({ id: record.id, attempts: record.attempts, retryInMs: backoff, reply: record.lastError }, 'relay deferred');
        this.known.delete(record.id);
        this.schedule(record);
        return;
      }
      record.failed.push(...record.pending.map((recipient) => ({ recipient, reply: `retry window expired; last reply: ${record.lastError ?? 'none'}` })));
      record.pending = [];
    }
    if (record.failed.length > 0) await this.bounce(record);
    // Final: the record is removed next, so saving it first would be wasted I/O (a crash in
    // between relays again from 'actioned': at-least-once, same verdict id).
    record.state = record.failed.length === record.envelope.rcptTo.length ? 'bounced' : 'relayed';
    await this.finish(record);
  }

  /** Sealed into the quarantine first, then removed from the spool: a crash in between holds it twice, never loses it. */
  private async quarantine(record: SpoolRecord): Promise<void> {
    const quarantine = this.options.quarantine as QueueQuarantine;
    await quarantine.hold({ id: record.id, receivedAt: record.receivedAt, envelope: record.envelope, verdictId: record.verdictId }, await this.options.spool.readRaw(record.id));
    this.known.delete(record.id);
    this.options.metrics.queueDepth.set(this.known.size);
    this.options.metrics.messages.inc({ result: 'held' });
    this.options.logger.info({ id: record.id, verdictId: record.verdictId }, 'message quarantined');
    await this.options.spool.remove(record.id);
  }

  /** The DSN is itself spooled (null sender), so it gets the same retries; a bounce is never bounced. */
  private async bounce(record: SpoolRecord): Promise<void> {
    const sender = record.envelope.mailFrom;
    if (!sender) return;
    const now = this.now();
    const raw = buildDsn({
      reportingHost: this.options.hostname,
      sender,
      originalHeaders: headerSection(await this.options.spool.readRaw(record.id)),
      failures: record.failed,
      arrivalDate: record.receivedAt,
      now,
    });
    const envelope: Envelope = { mailFrom: null, rcptTo: [sender], clientIp: null, helo: null };
    const dsn = newRecord(this.options.spool.newId(now), now, envelope, raw.length);
    dsn.state = 'actioned';
    dsn.delivery = 'deliver';
    await this.options.spool.accept(dsn, raw);
    this.schedule(dsn);
  }
}
