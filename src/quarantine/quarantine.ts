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
/** States a decision can still be taken from. */
const OPEN = ['held', 'release_requested'] as const;
/** A decision retries when the entry only moved between open states (a release request came in); this many times. */
const DECIDE_ATTEMPTS = 5;

/**
 * How long a release may sit claimed but unfinished before it counts as interrupted (its node
 * died between the claim and the hand-off) and may be released again. A hand-off is a spool
 * write of milliseconds; minutes leave room for a slow disk and for clocks that disagree.
 */
export const INTERRUPTED_RELEASE_AFTER_MS = 10 * 60_000;

/** Another decision on this message won (here, on another node, or by another analyst): the API answers 409. */
/** No held message by that id (or the id could not name one). */
export class QuarantineNotFound extends BelongError {
  constructor(id: string, message = 'no such quarantined message') {
    super(ERROR_CODES.USAGE, message, id);
  }
}

export class QuarantineConflict extends BelongError {
  constructor(
    id: string,
    readonly state: QuarantineState,
  ) {
    super(ERROR_CODES.USAGE, `message is already ${state}`, id);
  }
}

/** A decision that took effect: the entry as it was, and as this call left it. */
interface Decision {
  readonly before: QuarantineEntry;
  readonly after: QuarantineEntry;
}

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
    const { after } = await this.decide(id, (entry) => ({ ...entry, state: 'release_requested', updatedAt: this.now() }));
    await this.options.store.appendAudit({ at: after.updatedAt, actor, action: 'quarantine.request_release', subject: id, detail: { reason } });
    return after;
  }

  /**
   * Claims the message, delivers the original bytes, records the release, learns, and only
   * then discards the sealed bytes.
   *
   * Why claim first: several nodes (or analysts) may release, delete or expire the same message
   * at once. The claim is one conditional state change in the shared store (open → released),
   * so exactly one decision wins and only the winner delivers; the others get
   * QuarantineConflict. Delivering first, as belong once did, let two racing releases both
   * deliver.
   *
   * What that costs, and why nothing is lost:
   * - A delivery that fails (spool unwritable, disk full) undoes the claim — only our own claim,
   *   checked by its updatedAt — and rethrows: the message is open again, exactly as before.
   * - A node that dies between the claim and the end of the hand-off leaves the message marked
   *   released with its sealed bytes still in the store (they go only after delivery) and no
   *   release line in the audit log. Once INTERRUPTED_RELEASE_AFTER_MS has passed such a
   *   release counts as interrupted, and releasing it again (`belong quarantine release ID`)
   *   takes it over — again by a conditional change, on the version it read, so one node wins —
   *   and delivers. If the dead node had finished its spool write, that delivers twice: at
   *   least once, as the spool relays, never lost.
   * The sealed bytes are opened before the claim, so a node with the wrong key changes nothing.
   */
  async release(id: string, options: { actor: string; reason: string; deliver: Deliver; engine: Engine | null }): Promise<QuarantineEntry> {
    const current = await this.find(id);
    const interrupted = current.state === 'released' ? await this.interruptedRelease(current) : null;
    if (FINAL.has(current.state) && !interrupted) throw new QuarantineConflict(id, current.state);
    const raw = await this.read(id);
    const claim = interrupted ? await this.takeOver(current) : await this.decide(id, (entry) => ({ ...entry, state: 'released', updatedAt: this.now() }));
    const { before: entry, after: updated } = claim;
    try {
      await options.deliver(entry, raw);
    } catch (error) {
      await this.undo(claim, error);
      throw error;
    }
    const requested = interrupted ? interrupted.requested : entry.state === 'release_requested';
    await this.options.store.appendAudit({ at: updated.updatedAt, actor: options.actor, action: 'quarantine.release', subject: id, detail: { reason: options.reason, verdictId: entry.verdictId, digest: entry.digest, requested, ...(interrupted ? { resumed: true } : {}) } });
    if (options.engine) {
      // What the message would have taught had it not been held: it belongs.
      const message = await options.engine.read(raw, { mailFrom: entry.envelope.mailFrom, rcptTo: [...entry.envelope.rcptTo], clientIp: null, helo: null });
      await options.engine.learn(options.engine.observe(message, null, entry.receivedAt));
    }
    await this.discardBytes(id);
    return updated;
  }

  /**
   * A release that claimed the message and never finished: claimed long enough ago, sealed
   * bytes still kept, no release line in the audit log. Null when it is an ordinary (finished,
   * or still running) release; else whether a user had asked for it.
   */
  private async interruptedRelease(entry: QuarantineEntry): Promise<{ requested: boolean } | null> {
    if (entry.updatedAt + INTERRUPTED_RELEASE_AFTER_MS > this.now()) return null;
    if ((await this.options.store.getQuarantineBlob(entry.id)) === null && (await this.readLegacyFile(entry.id)) === null) return null;
    const audit = await this.options.store.listAudit({ limit: 1000, subject: entry.id });
    if (audit.some((line) => line.action === 'quarantine.release')) return null;
    return { requested: audit.some((line) => line.action === 'quarantine.request_release') };
  }

  /** Claims an interrupted release for this call: only on the exact version read, so one taker wins. */
  private async takeOver(entry: QuarantineEntry): Promise<Decision> {
    const after: QuarantineEntry = { ...entry, updatedAt: this.now() };
    if (!(await this.options.store.transitionQuarantine(entry.id, ['released'], after, { updatedAt: entry.updatedAt }))) throw new QuarantineConflict(entry.id, 'released');
    return { before: entry, after };
  }

  /** Puts the entry back as it was before our claim, unless something else has changed it since. */
  private async undo(claim: Decision, failure: unknown): Promise<void> {
    try {
      await this.options.store.transitionQuarantine(claim.after.id, [claim.after.state], claim.before, { updatedAt: claim.after.updatedAt });
    } catch (undoFailure) {
      // Still recoverable: the bytes are kept, so after INTERRUPTED_RELEASE_AFTER_MS it can be released again.
      throw new AggregateError([failure, undoFailure], `delivery of ${claim.after.id} failed and the release could not be undone; it can be released again in ${INTERRUPTED_RELEASE_AFTER_MS / 60_000} minutes`);
    }
  }

  async delete(id: string, actor: string, reason = ''): Promise<QuarantineEntry> {
    return this.finish(id, 'deleted', actor, reason);
  }

  /** Removes every message past its retention; returns the ids. */
  async expire(): Promise<string[]> {
    const now = this.now();
    const due: QuarantineEntry[] = [];
    for (const state of OPEN) {
      // Collected first, then finished: finishing changes the state, which would shift the pages.
      for (let offset = 0; ; offset += 500) {
        const page = await this.options.store.listQuarantine({ limit: 500, offset, state });
        due.push(...page.filter((e) => e.expiresAt <= now));
        if (page.length < 500) break;
      }
    }
    const expired: string[] = [];
    for (const entry of due) {
      try {
        await this.finish(entry.id, 'expired', 'belong', 'retention');
        expired.push(entry.id);
      } catch (error) {
        // Released, deleted or expired (by another node's sweep) since it was listed: not ours to expire.
        if (!(error instanceof QuarantineConflict)) throw error;
      }
    }
    return expired;
  }

  /** Deletion and expiry: the decision first, so a losing one never discards bytes a release is delivering. */
  private async finish(id: string, state: 'deleted' | 'expired', actor: string, reason: string): Promise<QuarantineEntry> {
    const { after } = await this.decide(id, (entry) => ({ ...entry, state, updatedAt: this.now() }));
    await this.discardBytes(id);
    await this.options.store.appendAudit({ at: after.updatedAt, actor, action: `quarantine.${state === 'deleted' ? 'delete' : 'expire'}`, subject: id, detail: { reason } });
    return after;
  }

  /**
   * Takes one decision on an open message, exactly once across nodes: a conditional change from
   * the state just read. If another decision got there first the message is final and this
   * throws QuarantineConflict; if it only moved between open states (a release request came
   * in), the change is tried again on what is there now.
   */
  private async decide(id: string, change: (entry: QuarantineEntry) => QuarantineEntry): Promise<Decision> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.open(id);
      const after = change(before);
      if (await this.options.store.transitionQuarantine(id, [before.state], after)) return { before, after };
      if (attempt === DECIDE_ATTEMPTS) throw new QuarantineConflict(id, (await this.find(id)).state);
    }
  }

  private async find(id: string): Promise<QuarantineEntry> {
    if (!isQuarantineId(id)) throw new QuarantineNotFound(id, 'not a quarantine id');
    const entry = await this.options.store.getQuarantine(id);
    if (!entry) throw new QuarantineNotFound(id);
    return entry;
  }

  /** The entry, while a decision can still be taken on it. */
  private async open(id: string): Promise<QuarantineEntry> {
    const entry = await this.find(id);
    if (FINAL.has(entry.state)) throw new QuarantineConflict(id, entry.state);
    return entry;
  }
}

/**
 * Ids come from the spool (base36 time + hex). Anything else is refused before it names a
 * row or (for installs that kept files) a path that could leave the quarantine directory.
 */
function isQuarantineId(id: string): boolean {
  return /^[A-Za-z0-9_.-]+$/u.test(id) && !id.startsWith('.');
}

function checkId(id: string): string {
  if (!isQuarantineId(id)) throw new BelongError(ERROR_CODES.USAGE, 'not a quarantine id', id);
  return id;
}
