import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../core/message.js';
import type { Engine } from '../engine/engine.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import type { QuarantineEntry, QuarantineState, Store } from '../store/store.js';
import { seal, unseal } from './sealed-file.js';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** What the gateway knows about a message it decided to hold. */
export interface HoldRequest {
  readonly id: string;
  readonly receivedAt: number;
  readonly envelope: Envelope;
  readonly verdictId: string | null;
}

/** Where a released original goes: the gateway's spool hand-off (or a test's stand-in). */
export type Deliver = (entry: QuarantineEntry, raw: Buffer) => Promise<void>;

export interface QuarantineOptions {
  readonly store: Store;
  /**
   * `<data-dir>/quarantine`, where belong kept sealed `<id>.bin` files before the sealed bytes
   * moved into the store: still read (and removed when the message leaves quarantine) so mail
   * held before the upgrade can be released. Nothing new is written here.
   */
  readonly dir: string;
  readonly key: Buffer;
  readonly retentionDays?: number;
  readonly now?: () => number;
}

/** States from which nothing more can happen to a message (its bytes are gone). */
const FINAL: ReadonlySet<QuarantineState> = new Set(['released', 'deleted', 'expired']);

/**
 * Held mail: the original bytes sealed (AES-256-GCM, the id as AAD) and kept in the store with
 * the index, so any node sharing the database (and the key) can release what another node
 * held; every decision in the append-only audit log. Release hands the *original* bytes
 * (exactly as received) to the delivery path, teaches the model the message belongs, and
 * marks its digest released so the same message is never held again.
 */
export class Quarantine {
  private readonly now: () => number;
  private retentionMs: number;

  constructor(private readonly options: QuarantineOptions) {
    this.now = options.now ?? Date.now;
    this.retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
  }

  /** Settings changed in the dashboard: mail held from now on is kept this long (already held mail keeps its date). */
  setRetentionDays(days: number): void {
    this.retentionMs = days * DAY_MS;
  }

  /** The file an install from before migration 4 sealed this message into (new holds go to the store). */
  private legacyFile(id: string): string {
    return path.join(this.options.dir, `${checkId(id)}.bin`);
  }

  /** Stores the sealed bytes before indexing them, so an indexed entry always has its bytes. */
  async hold(request: HoldRequest, raw: Buffer): Promise<QuarantineEntry> {
    const { store } = this.options;
    const id = checkId(request.id);
    const verdict = request.verdictId ? (await store.getVerdict(request.verdictId))?.verdict : undefined;
    await store.putQuarantineBlob(id, seal(this.options.key, id, raw));
    const now = this.now();
    const entry: QuarantineEntry = {
      id: request.id,
      verdictId: request.verdictId ?? 'none',
      messageId: verdict?.messageId ?? null,
      digest: createHash('sha256').update(raw).digest('hex'),
      sender: verdict?.from ?? request.envelope.mailFrom,
      recipients: verdict?.recipients ?? request.envelope.rcptTo,
      receivedAt: request.receivedAt,
      state: 'held',
      expiresAt: request.receivedAt + this.retentionMs,
      updatedAt: now,
      envelope: { mailFrom: request.envelope.mailFrom, rcptTo: [...request.envelope.rcptTo] },
    };
    await store.putQuarantine(entry);
    await store.appendAudit({ at: now, actor: 'belong', action: 'quarantine.hold', subject: entry.id, detail: { verdictId: entry.verdictId, reason: verdict?.reason ?? 'analysis failed' } });
    return entry;
  }

  get(id: string): Promise<QuarantineEntry | null> {
    return this.options.store.getQuarantine(id);
  }

  list(options: { limit: number; offset?: number; state?: QuarantineState } = { limit: 100 }): Promise<QuarantineEntry[]> {
    return this.options.store.listQuarantine(options);
  }

  /** The original bytes of a message still in quarantine: from the store, else an old install's file. */
  async read(id: string): Promise<Buffer> {
    const sealed = (await this.options.store.getQuarantineBlob(checkId(id))) ?? (await this.readLegacyFile(id));
    if (!sealed) throw new BelongError(ERROR_CODES.STORE, 'the held bytes of this message are gone', id);
    return unseal(this.options.key, id, sealed);
  }

  private async readLegacyFile(id: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.legacyFile(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The sealed bytes, wherever they are: once a message leaves quarantine nothing of it is kept. */
  private async discardBytes(id: string): Promise<void> {
    await this.options.store.deleteQuarantineBlob(id);
    await fs.rm(this.legacyFile(id), { force: true });
  }

  /** True once a message with these exact bytes was released: it is let through from then on. */
  async wasReleased(digest: string): Promise<boolean> {
    return (await this.options.store.listQuarantine({ limit: 1, state: 'released', digest })).length > 0;
  }

  /** A user asks for their message; an analyst decides. Recorded, nothing delivered. */
  async requestRelease(id: string, actor: string, reason = ''): Promise<QuarantineEntry> {
    const entry = await this.open(id);
    const now = this.now();
    const updated: QuarantineEntry = { ...entry, state: 'release_requested', updatedAt: now };
    await this.options.store.putQuarantine(updated);
    await this.options.store.appendAudit({ at: now, actor, action: 'quarantine.request_release', subject: id, detail: { reason } });
    return updated;
  }

  /**
   * Delivers the original bytes, then records the release, then learns: a crash in between
   * at worst delivers twice (at-least-once, as the spool does), never loses the message.
   */
  async release(id: string, options: { actor: string; reason: string; deliver: Deliver; engine: Engine | null }): Promise<QuarantineEntry> {
    const entry = await this.open(id);
    const raw = await this.read(id);
    await options.deliver(entry, raw);
    const now = this.now();
    const updated: QuarantineEntry = { ...entry, state: 'released', updatedAt: now };
    await this.options.store.putQuarantine(updated);
    await this.options.store.appendAudit({ at: now, actor: options.actor, action: 'quarantine.release', subject: id, detail: { reason: options.reason, verdictId: entry.verdictId, digest: entry.digest, requested: entry.state === 'release_requested' } });
    if (options.engine) {
      // What the message would have taught had it not been held: it belongs.
      const message = await options.engine.read(raw, { mailFrom: entry.envelope.mailFrom, rcptTo: [...entry.envelope.rcptTo], clientIp: null, helo: null });
      await options.engine.learn(options.engine.observe(message, null, entry.receivedAt));
    }
    await this.discardBytes(id);
    return updated;
  }

  async delete(id: string, actor: string, reason = ''): Promise<QuarantineEntry> {
    return this.finish(await this.open(id), 'deleted', actor, reason);
  }

  /** Removes every message past its retention; returns the ids. */
  async expire(): Promise<string[]> {
    const now = this.now();
    const due: QuarantineEntry[] = [];
    for (const state of ['held', 'release_requested'] as const) {
      // Collected first, then finished: finishing changes the state, which would shift the pages.
      for (let offset = 0; ; offset += 500) {
        const page = await this.options.store.listQuarantine({ limit: 500, offset, state });
        due.push(...page.filter((e) => e.expiresAt <= now));
        if (page.length < 500) break;
      }
    }
    const expired: string[] = [];
    for (const entry of due) {
      await this.finish(entry, 'expired', 'belong', 'retention');
      expired.push(entry.id);
    }
    return expired;
  }

  private async finish(entry: QuarantineEntry, state: 'deleted' | 'expired', actor: string, reason: string): Promise<QuarantineEntry> {
    await this.discardBytes(entry.id);
    const now = this.now();
    const updated: QuarantineEntry = { ...entry, state, updatedAt: now };
    await this.options.store.putQuarantine(updated);
    await this.options.store.appendAudit({ at: now, actor, action: `quarantine.${state === 'deleted' ? 'delete' : 'expire'}`, subject: entry.id, detail: { reason } });
    return updated;
  }

  private async open(id: string): Promise<QuarantineEntry> {
    checkId(id);
    const entry = await this.options.store.getQuarantine(id);
    if (!entry) throw new BelongError(ERROR_CODES.USAGE, 'no such quarantined message', id);
    if (FINAL.has(entry.state)) throw new BelongError(ERROR_CODES.USAGE, `message is already ${entry.state}`, id);
    return entry;
  }
}

/**
 * Ids come from the spool (base36 time + hex). Anything else is refused before it names a
 * row or (for installs that kept files) a path that could leave the quarantine directory.
 */
function checkId(id: string): string {
  if (!/^[A-Za-z0-9_.-]+$/u.test(id) || id.startsWith('.')) throw new BelongError(ERROR_CODES.USAGE, 'not a quarantine id', id);
  return id;
}
