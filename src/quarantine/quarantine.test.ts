import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function fixture(options: { retentionDays?: number; key?: Buffer } = {}) {
  const dir = tempDir('belong-q-');
  const store = await openSqliteStore(path.join(dir, 'belong.db'));
  stores.push(store);
  let now = T0;
  const key = options.key ?? randomBytes(32);
  const quarantine = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key, retentionDays: options.retentionDays, now: () => now });
  return { dir, store, quarantine, key, advance: (ms: number) => (now += ms) };
}

describe('sealed bytes', () => {
  it('are kept sealed in the store (no plaintext, nothing on disk) and open with the right key and id only', async () => {
    const { dir, quarantine, key, store } = await fixture();
    await quarantine.hold({ id: 'm1', receivedAt: T0, envelope, verdictId: null }, RAW);
    const sealed = await store.getQuarantineBlob('m1');
    expect(sealed).not.toBeNull();
    const stored = sealed ?? Buffer.alloc(0);
    expect(stored.includes(Buffer.from('secret'))).toBe(false);
    expect(existsSync(path.join(dir, 'quarantine'))).toBe(false);
    expect(Buffer.compare(await quarantine.read('m1'), RAW)).toBe(0);
    expect(() => unseal(randomBytes(32), 'm1', stored)).toThrow(/wrong key or tampered/);
    expect(() => unseal(key, 'm2', stored)).toThrow(/wrong key or tampered/);
    const flipped = Buffer.from(stored);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => unseal(key, 'm1', flipped)).toThrow(/wrong key or tampered/);
    const other = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key: randomBytes(32) });
    await expect(other.read('m1')).rejects.toThrow(/wrong key/);
    // Sealed for another id (a row copied under a different id) does not open either.
    await store.putQuarantineBlob('m3', stored);
    await expect(quarantine.read('m3')).rejects.toThrow(/wrong key or tampered/);
    expect(unseal(key, 'x', seal(key, 'x', Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
    await expect(quarantine.read('never-held')).rejects.toThrow(/bytes of this message are gone/);
  });

  it('still opens a message an older install sealed to <dir>/<id>.bin, and removes that file when it leaves quarantine', async () => {
    const { dir, quarantine, key, store } = await fixture();
    const legacyDir = path.join(dir, 'quarantine');
    mkdirSync(legacyDir, { recursive: true });
    const legacy = (id: string) => path.join(legacyDir, `${id}.bin`);
    // What the previous version left behind: an index entry in the store, the sealed bytes on disk.
    for (const id of ['old1', 'old2', 'old3']) {
      writeFileSync(legacy(id), seal(key, id, RAW), { mode: 0o600 });
      await store.putQuarantine({
        id, verdictId: 'none', messageId: null, digest: `d-${id}`, sender: envelope.mailFrom, recipients: envelope.rcptTo, receivedAt: T0,
        state: 'held', expiresAt: T0 + DAY, updatedAt: T0, envelope: { mailFrom: envelope.mailFrom, rcptTo: envelope.rcptTo },
      });
    }
    expect(await store.getQuarantineBlob('old1')).toBeNull();
    expect(Buffer.compare(await quarantine.read('old1'), RAW)).toBe(0);
    const delivered: Buffer[] = [];
    await quarantine.release('old1', { actor: 'ana', reason: 'ok', deliver: async (_e, raw) => void delivered.push(raw), engine: null });
    expect(delivered).toEqual([RAW]);
    await quarantine.delete('old2', 'ana', 'phish');
    expect(existsSync(legacy('old1'))).toBe(false);
    expect(existsSync(legacy('old2'))).toBe(false);
    expect(existsSync(legacy('old3'))).toBe(true);
    // A message held now goes to the store, even with the old directory present.
    await quarantine.hold({ id: 'new', receivedAt: T0, envelope, verdictId: null }, RAW);
    expect(readdirSync(legacyDir)).toEqual(['old3.bin']);
    expect(statSync(legacy('old3')).mode & 0o777).toBe(0o600);
  });

  it('generates a key at first start (mode 0600) and reuses it; a configured key wins and is checked', async () => {
    const dataDir = tempDir('belong-key-');
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
    const { quarantine, advance, store } = await fixture();
    await quarantine.hold({ id: 'old', receivedAt: T0, envelope, verdictId: null }, RAW);
    await quarantine.hold({ id: 'new', receivedAt: T0 + 20 * DAY, envelope, verdictId: null }, RAW);
    await quarantine.requestRelease('new', 'b@example.org', 'I was expecting this');
    advance(29 * DAY);
    expect(await quarantine.expire()).toEqual([]);
    advance(2 * DAY);
    expect(await store.getQuarantineBlob('old')).not.toBeNull();
    expect(await quarantine.expire()).toEqual(['old']);
    expect(await store.getQuarantineBlob('old')).toBeNull();
    expect(await store.getQuarantineBlob('new')).not.toBeNull();
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
    expect(await store.getQuarantineBlob('m')).toBeNull();
    await quarantine.delete('d', 'ana', 'phish');
    expect(await store.getQuarantineBlob('d')).toBeNull();
    await expect(quarantine.read('d')).rejects.toThrow(/gone/);
    const audit = (await store.listAudit({ limit: 10 })).map((a) => [a.action, a.actor, a.subject]);
    expect(audit).toEqual([
      ['quarantine.delete', 'ana', 'd'],
      ['quarantine.release', 'ana', 'm'],
      ['quarantine.request_release', 'b@example.org', 'm'],
      ['quarantine.hold', 'belong', 'd'],
      ['quarantine.hold', 'belong', 'm'],
    ]);
    await expect(quarantine.read('../etc/passwd')).rejects.toThrow(/not a quarantine id/);
    await expect(quarantine.hold({ id: '../x', receivedAt: T0, envelope, verdictId: null }, RAW)).rejects.toThrow(/not a quarantine id/);
    await expect(quarantine.release('../x', { actor: 'ana', reason: '', deliver: async () => undefined, engine: null })).rejects.toThrow(/not a quarantine id/);
  });
});
