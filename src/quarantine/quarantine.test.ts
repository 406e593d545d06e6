import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { loadOrCreateQuarantineKey, quarantineKeyFile } from './key.js';
import { Quarantine } from './quarantine.js';
import { seal, unseal } from './sealed-file.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const RAW = Buffer.from('From: a@x.test\r\nTo: b@example.org\r\nSubject: secret plan\r\n\r\nthe secret plan is here\r\n');
const envelope = { mailFrom: 'a@x.test', rcptTo: ['b@example.org'], clientIp: null, helo: null };

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function fixture(options: { retentionDays?: number; key?: Buffer } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-q-'));
  const store = await openSqliteStore(path.join(dir, 'belong.db'));
  stores.push(store);
  let now = T0;
  const key = options.key ?? randomBytes(32);
  const quarantine = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key, retentionDays: options.retentionDays, now: () => now });
  return { dir, store, quarantine, key, advance: (ms: number) => (now += ms) };
}

describe('sealed files', () => {
  it('keep no plaintext on disk, open with the right key and id only', async () => {
    const { dir, quarantine, key, store } = await fixture();
    await quarantine.hold({ id: 'm1', receivedAt: T0, envelope, verdictId: null }, RAW);
    const file = path.join(dir, 'quarantine', 'm1.bin');
    const onDisk = readFileSync(file);
    expect(onDisk.includes(Buffer.from('secret'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.compare(await quarantine.read('m1'), RAW)).toBe(0);
    expect(() => unseal(randomBytes(32), 'm1', onDisk)).toThrow(/wrong key or tampered/);
    expect(() => unseal(key, 'm2', onDisk)).toThrow(/wrong key or tampered/);
    const flipped = Buffer.from(onDisk);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => unseal(key, 'm1', flipped)).toThrow(/wrong key or tampered/);
    const other = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key: randomBytes(32) });
    await expect(other.read('m1')).rejects.toThrow(/wrong key/);
    expect(unseal(key, 'x', seal(key, 'x', Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('generates a key at first start (mode 0600) and reuses it; a configured key wins and is checked', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'belong-key-'));
    const first = await loadOrCreateQuarantineKey({ dataDir });
    expect(first).toHaveLength(32);
    expect(statSync(quarantineKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateQuarantineKey({ dataDir })).toEqual(first);
    const configured = randomBytes(32);
    expect(await loadOrCreateQuarantineKey({ dataDir, configured: configured.toString('base64') })).toEqual(configured);
    await expect(loadOrCreateQuarantineKey({ dataDir, configured: randomBytes(16).toString('base64') })).rejects.toThrow(/32 bytes/);
  });
});

describe('quarantine lifecycle', () => {
  it('expires messages past retention (default 30 days), removing their bytes', async () => {
    const { dir, quarantine, advance, store } = await fixture();
    await quarantine.hold({ id: 'old', receivedAt: T0, envelope, verdictId: null }, RAW);
    await quarantine.hold({ id: 'new', receivedAt: T0 + 20 * DAY, envelope, verdictId: null }, RAW);
    await quarantine.requestRelease('new', 'b@example.org', 'I was expecting this');
    advance(29 * DAY);
    expect(await quarantine.expire()).toEqual([]);
    advance(2 * DAY);
    expect(await quarantine.expire()).toEqual(['old']);
    expect(existsSync(path.join(dir, 'quarantine', 'old.bin'))).toBe(false);
    expect((await store.getQuarantine('old'))?.state).toBe('expired');
    expect((await store.getQuarantine('new'))?.state).toBe('release_requested');
    advance(20 * DAY);
    expect(await quarantine.expire()).toEqual(['new']);
    await expect(quarantine.release('old', { actor: 'ana', reason: 'late', deliver: async () => undefined, engine: null })).rejects.toThrow(/already expired/);
  });

  it('honours a configured retention', async () => {
    const { quarantine, advance } = await fixture({ retentionDays: 1 });
    await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    advance(DAY);
    expect(await quarantine.expire()).toEqual(['m']);
  });

  it('records release requests and deletions in the audit log; release delivers the original and marks the digest', async () => {
    const { quarantine, store } = await fixture();
    const entry = await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    await quarantine.hold({ id: 'd', receivedAt: T0, envelope, verdictId: null }, Buffer.from('other'));
    await quarantine.requestRelease('m', 'b@example.org', 'expected');
    expect(await quarantine.wasReleased(entry.digest)).toBe(false);
    const delivered: Buffer[] = [];
    await quarantine.release('m', { actor: 'ana', reason: 'ok', deliver: async (_e, raw) => void delivered.push(raw), engine: null });
    expect(delivered).toEqual([RAW]);
    expect(await quarantine.wasReleased(entry.digest)).toBe(true);
    await quarantine.delete('d', 'ana', 'phish');
    await expect(quarantine.read('d')).rejects.toThrow();
    const audit = (await store.listAudit({ limit: 10 })).map((a) => [a.action, a.actor, a.subject]);
    expect(audit).toEqual([
      ['quarantine.delete', 'ana', 'd'],
      ['quarantine.release', 'ana', 'm'],
      ['quarantine.request_release', 'b@example.org', 'm'],
      ['quarantine.hold', 'belong', 'd'],
      ['quarantine.hold', 'belong', 'm'],
    ]);
    await expect(quarantine.read('../etc/passwd')).rejects.toThrow(/not a quarantine id/);
  });
});
