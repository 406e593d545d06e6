import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../core/message.js';
import type { RecordedRewrite } from './plan-applier.js';

/**
 * The durable spool: one `<id>.eml` (the bytes exactly as received) plus one `<id>.json`
 * state record per message. A message exists for the gateway only once both are on disk and
 * fsynced; that is the moment it may answer `250`. Written by hand (a few fs calls) because
 * queue libraries either keep state in memory or need a server.
 */
/** `released`: let out of quarantine; relays the original bytes as they are, never re-analysed. */
export type SpoolState = 'received' | 'analysed' | 'actioned' | 'relayed' | 'held' | 'bounced' | 'journaled' | 'released';

export const FINAL_STATES: ReadonlySet<SpoolState> = new Set(['relayed', 'bounced', 'journaled']);

export interface SpoolRecord {
  readonly id: string;
  readonly receivedAt: number;
  readonly envelope: Envelope;
  readonly size: number;
  state: SpoolState;
  /** Set after analysis and kept, so a resumed relay carries the same verdict id. */
  verdictId: string | null;
  /** Headers to prepend on relay, decided once at analysis. */
  headers: Array<[string, string]>;
  analysisFailed: boolean;
  delivery: 'deliver' | 'hold' | null;
  /** Recipients still to deliver (shrinks as the downstream accepts or refuses them). */
  pending: string[];
  /** Recipients refused for good, with the reply, for the DSN. */
  failed: Array<{ recipient: string; reply: string }>;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** Set on a message let out of quarantine: relayed byte for byte as received. */
  released?: boolean;
  /** Active autonomy: how to rewrite on relay (decided at analysis, kept for a resumed relay). */
  rewrite?: RecordedRewrite | null;
}

/**
 * Bytes of recently accepted messages kept in memory, so analysis and relay do not read back
 * from disk what was just written (the disk copy stays the source of truth after a restart).
 */
const RECENT_RAW_MAX_BYTES = 64 * 1024 * 1024;

export class Spool {
  private readonly recentRaw = new Map<string, Buffer>();
  private recentBytes = 0;

  constructor(readonly dir: string) {}

  private remember(id: string, raw: Buffer): void {
    this.recentRaw.set(id, raw);
    this.recentBytes += raw.length;
    // Oldest first (Map keeps insertion order); a spool backlog falls back to disk reads.
    for (const [oldId, oldRaw] of this.recentRaw) {
      if (this.recentBytes <= RECENT_RAW_MAX_BYTES) break;
      this.recentRaw.delete(oldId);
      this.recentBytes -= oldRaw.length;
    }
  }

  private forget(id: string): void {
    const raw = this.recentRaw.get(id);
    if (raw) this.recentBytes -= raw.length;
    this.recentRaw.delete(id);
  }

  async init(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
  }

  newId(now: number): string {
    return `${now.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
  }

  private file(id: string, ext: 'eml' | 'json'): string {
    return path.join(this.dir, `${id}.${ext}`);
  }

  /** Bytes then record, each fsynced, then the directory: after this returns, a crash loses nothing. */
  async accept(record: SpoolRecord, raw: Buffer): Promise<void> {
    try {
      await writeDurably(this.file(record.id, 'eml'), raw);
      await this.save(record, true);
      await syncDirectory(this.dir);
      this.remember(record.id, raw);
    } catch (error) {
      await this.remove(record.id).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Atomic replace of the state record (write temp, rename). Only the first record (at accept)
   * must be fsynced: a later step lost in a crash is redone from the previous saved step,
   * which at worst relays twice (at-least-once) with the same verdict id. Skipping those
   * fsyncs keeps the disk free for the one that gates `250`.
   */
  async save(record: SpoolRecord, durable = false): Promise<void> {
    const target = this.file(record.id, 'json');
    const temp = `${target}.tmp`;
    const data = Buffer.from(JSON.stringify(record));
    if (durable) await writeDurably(temp, data);
    else await fs.writeFile(temp, data, { mode: 0o600 });
    await fs.rename(temp, target);
  }

  readRaw(id: string): Promise<Buffer> {
    const recent = this.recentRaw.get(id);
    return recent ? Promise.resolve(recent) : fs.readFile(this.file(id, 'eml'));
  }

  async remove(id: string): Promise<void> {
    this.forget(id);
    await fs.rm(this.file(id, 'json'), { force: true });
    await fs.rm(this.file(id, 'eml'), { force: true });
  }

  /**
   * Every unfinished record, oldest first. Bytes without a record were never acknowledged
   * (the crash came before `250`), so the sender still has them and they are removed.
   */
  async unfinished(): Promise<SpoolRecord[]> {
    const names = await fs.readdir(this.dir);
    const records: SpoolRecord[] = [];
    const withRecord = new Set<string>();
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      try {
        const record = JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as SpoolRecord;
        withRecord.add(id);
        if (!FINAL_STATES.has(record.state)) records.push(record);
        else await this.remove(id);
      } catch {
        // A torn record cannot happen (rename is atomic); an unreadable one is left for an operator.
        withRecord.add(id);
      }
    }
    for (const name of names) {
      if (name.endsWith('.json.tmp')) await fs.rm(path.join(this.dir, name), { force: true });
      if (name.endsWith('.eml') && !withRecord.has(name.slice(0, -'.eml'.length))) await fs.rm(path.join(this.dir, name), { force: true });
    }
    return records.sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
  }
}

/** Write and fsync one file (mode 0600): after this returns, its bytes survive a crash. */
export async function writeDurably(file: string, data: Buffer): Promise<void> {
  const handle = await fs.open(file, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function newRecord(id: string, receivedAt: number, envelope: Envelope, size: number): SpoolRecord {
  return {
    id,
    receivedAt,
    envelope,
    size,
    state: 'received',
    verdictId: null,
    headers: [],
    analysisFailed: false,
    delivery: null,
    pending: [...envelope.rcptTo],
    failed: [],
    attempts: 0,
    nextAttemptAt: receivedAt,
    lastError: null,
  };
}
