import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BelongError, ERROR_CODES } from '../errors.js';

export const QUARANTINE_KEY_BYTES = 32;

/** Where a generated key lives: readable by the belong user only. */
export function quarantineKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'quarantine.key');
}

/** A base64 key from config, checked to be exactly 32 bytes (AES-256). */
export function parseQuarantineKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== QUARANTINE_KEY_BYTES || key.toString('base64') !== base64.trim()) {
    throw new BelongError(ERROR_CODES.CONFIG, `quarantine key must be ${QUARANTINE_KEY_BYTES} bytes in base64 (openssl rand -base64 32)`, source);
  }
  return key;
}

/**
 * The key the quarantine encrypts with: the configured one, else the one generated at first
 * start into `<data-dir>/keys/quarantine.key` (mode 0600). Created with O_EXCL so two processes
 * starting together cannot each write a different key; the loser reads the winner's.
 */
export async function loadOrCreateQuarantineKey(options: { configured?: string | undefined; dataDir: string }): Promise<Buffer> {
  if (options.configured) return parseQuarantineKey(options.configured, 'quarantineKey');
  const file = quarantineKeyFile(options.dataDir);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    const handle = await fs.open(file, 'wx', 0o600);
    try {
      await handle.writeFile(`${randomBytes(QUARANTINE_KEY_BYTES).toString('base64')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseQuarantineKey(await fs.readFile(file, 'utf8'), file);
}
