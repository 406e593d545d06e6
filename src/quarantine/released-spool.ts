import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../core/message.js';
import { newRecord, writeDurably, type SpoolRecord } from '../gateway/spool.js';
import type { QuarantineEntry } from '../store/store.js';

/**
 * The hand-off from a release to the gateway's delivery path. A release (from the CLI, another
 * process) cannot safely write into the live spool directory: the gateway's start-up sweep
 * removes bytes that have no record yet. So it writes into `<spool>/released/` (bytes first,
 * then the record by rename), and the gateway adopts finished pairs into its spool: at start,
 * and every few seconds while running. The record is in state `released`: it relays the
 * original bytes untouched, without re-analysis, so it can never be held again.
 */
export function releasedDir(spoolDir: string): string {
  return path.join(spoolDir, 'released');
}

export interface ReleasedMessage {
  readonly id: string;
  readonly receivedAt: number;
  readonly envelope: Envelope;
  readonly verdictId: string | null;
  readonly raw: Buffer;
}

export async function writeReleased(spoolDir: string, message: ReleasedMessage): Promise<void> {
  const dir = releasedDir(spoolDir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const record: SpoolRecord = { ...newRecord(message.id, message.receivedAt, message.envelope, message.raw.length), state: 'released', delivery: 'deliver', verdictId: message.verdictId, released: true };
  await writeDurably(path.join(dir, `${message.id}.eml`), message.raw);
  const temp = path.join(dir, `${message.id}.json.tmp`);
  await writeDurably(temp, Buffer.from(JSON.stringify(record)));
  await fs.rename(temp, path.join(dir, `${message.id}.json`));
}

/**
 * Moves every complete released pair into the spool proper, bytes before record (the spool's
 * own order), and returns their records. A pair half moved by a crash is finished next time.
 */
export async function adoptReleased(spoolDir: string): Promise<SpoolRecord[]> {
  const dir = releasedDir(spoolDir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const adopted: SpoolRecord[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const id = name.slice(0, -'.json'.length);
    const bytes = path.join(dir, `${id}.eml`);
    const target = path.join(spoolDir, `${id}.eml`);
    try {
      await fs.rename(bytes, target);
    } catch (error) {
      // Already moved by an earlier, interrupted adoption: only the record is left to move.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!(await exists(target))) continue;
    }
    const record = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as SpoolRecord;
    await fs.rename(path.join(dir, name), path.join(spoolDir, name));
    adopted.push(record);
  }
  return adopted;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}


/** The release path the CLI and the gateway share: drop the original into `<spool>/released/`. */
export function deliverToSpool(spoolDir: string): (entry: QuarantineEntry, raw: Buffer) => Promise<void> {
  return (entry, raw) =>
    writeReleased(spoolDir, {
      id: entry.id,
      receivedAt: entry.receivedAt,
      envelope: { mailFrom: entry.envelope.mailFrom, rcptTo: [...entry.envelope.rcptTo], clientIp: null, helo: null },
      verdictId: entry.verdictId,
      raw,
    });
}
