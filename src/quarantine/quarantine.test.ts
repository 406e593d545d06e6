import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { loadOrCreateQuarantineKey, quarantineKeyFile } from './key.js';
import { INTERRUPTED_RELEASE_AFTER_MS, Quarantine, QuarantineConflict } from './quarantine.js';
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

describe('one decision per message', () => {
  const noDelivery = async () => undefined;

  it('undoes the claim when delivery fails: the message is open again, exactly as it was, and releases later', async () => {
    const { quarantine, store } = await fixture();
    await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    const requested = await quarantine.requestRelease('m', 'b@example.org', 'expected');
    const spoolFull = new Error('ENOSPC: no space left on device');
    await expect(quarantine.release('m', { actor: 'ana', reason: 'ok', deliver: async () => Promise.reject(spoolFull), engine: null })).rejects.toBe(spoolFull);
    expect(await store.getQuarantine('m')).toEqual(requested);
    expect(await store.getQuarantineBlob('m')).not.toBeNull();
    expect((await store.listAudit({ limit: 10, subject: 'm' })).map((a) => a.action)).toEqual(['quarantine.request_release', 'quarantine.hold']);
    expect(await quarantine.wasReleased(requested.digest)).toBe(false);

    const delivered: Buffer[] = [];
    await quarantine.release('m', { actor: 'ana', reason: 'retry', deliver: async (_e, raw) => void delivered.push(raw), engine: null });
    expect(delivered).toEqual([RAW]);
    const audit = await store.listAudit({ limit: 10, subject: 'm' });
    expect(audit.map((a) => a.action)).toEqual(['quarantine.release', 'quarantine.request_release', 'quarantine.hold']);
    expect(audit[0]?.detail).toMatchObject({ reason: 'retry', requested: true });
  });

  it('refuses a second decision once one is taken, without delivering or writing anything', async () => {
    const { quarantine, store } = await fixture();
    await quarantine.hold({ id: 'r', receivedAt: T0, envelope, verdictId: null }, RAW);
    await quarantine.hold({ id: 'd', receivedAt: T0, envelope, verdictId: null }, RAW);
    const delivered: string[] = [];
    const deliver = async (entry: { id: string }) => void delivered.push(entry.id);
    await quarantine.release('r', { actor: 'ana', reason: 'ok', deliver, engine: null });
    await quarantine.delete('d', 'ana', 'phish');
    const released = await store.getQuarantine('r');
    await expect(quarantine.release('r', { actor: 'bo', reason: 'again', deliver, engine: null })).rejects.toThrow(QuarantineConflict);
    await expect(quarantine.release('r', { actor: 'bo', reason: 'again', deliver, engine: null })).rejects.toThrow('message is already released');
    await expect(quarantine.delete('r', 'bo')).rejects.toThrow('message is already released');
    await expect(quarantine.requestRelease('r', 'b@example.org')).rejects.toThrow('message is already released');
    await expect(quarantine.release('d', { actor: 'bo', reason: 'oops', deliver, engine: null })).rejects.toThrow('message is already deleted');
    await expect(quarantine.release('nope', { actor: 'bo', reason: '', deliver, engine: null })).rejects.toThrow(/no such quarantined message/);
    expect(delivered).toEqual(['r']);
    expect(await store.getQuarantine('r')).toEqual(released);
    expect((await store.listAudit({ limit: 10 })).map((a) => a.action)).toEqual(['quarantine.delete', 'quarantine.release', 'quarantine.hold', 'quarantine.hold']);
  });

  it('lets one of two racing releases, or a release racing a delete, win (two quarantines on one store)', async () => {
    const { quarantine, store, dir, key } = await fixture();
    const other = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key, now: () => T0 });
    const delivered: string[] = [];
    const deliver = async (entry: { id: string }) => void delivered.push(entry.id);
    for (let i = 0; i < 10; i++) await quarantine.hold({ id: `m${i}`, receivedAt: T0, envelope, verdictId: null }, RAW);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => [
        quarantine.release(`m${i}`, { actor: 'ana', reason: 'a', deliver, engine: null }),
        i % 2 === 0 ? other.release(`m${i}`, { actor: 'bo', reason: 'b', deliver, engine: null }) : other.delete(`m${i}`, 'bo', 'phish'),
      ]).flat(),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(QuarantineConflict);
    for (let i = 0; i < 10; i++) {
      const state = (await store.getQuarantine(`m${i}`))?.state;
      const decisions = (await store.listAudit({ limit: 10, subject: `m${i}` })).map((a) => a.action).filter((a) => a !== 'quarantine.hold');
      expect(decisions).toEqual([state === 'released' ? 'quarantine.release' : 'quarantine.delete']);
      expect(delivered.filter((id) => id === `m${i}`)).toHaveLength(state === 'released' ? 1 : 0);
      expect(await store.getQuarantineBlob(`m${i}`)).toBeNull();
    }
  });

  it('resumes a release whose node died after claiming it, once the claim is old, and only then', async () => {
    const { quarantine, store, advance } = await fixture();
    const entry = await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    await quarantine.requestRelease('m', 'b@example.org', 'expected');
    // What a node leaves behind when it dies between the claim and the spool hand-off.
    advance(1000);
    expect(await store.transitionQuarantine('m', ['release_requested'], { ...entry, state: 'released', updatedAt: T0 + 1000 })).toBe(true);
    const delivered: string[] = [];
    const deliver = async (e: { id: string }) => void delivered.push(e.id);
    // A claim this fresh may still be delivering on its node.
    advance(INTERRUPTED_RELEASE_AFTER_MS - 1);
    await expect(quarantine.release('m', { actor: 'bo', reason: 'stuck', deliver, engine: null })).rejects.toThrow('message is already released');
    advance(1);
    const [first, second] = await Promise.allSettled([
      quarantine.release('m', { actor: 'bo', reason: 'stuck', deliver, engine: null }),
      quarantine.release('m', { actor: 'cy', reason: 'stuck too', deliver, engine: null }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(delivered).toEqual(['m']);
    expect(await store.getQuarantineBlob('m')).toBeNull();
    const audit = await store.listAudit({ limit: 10, subject: 'm' });
    expect(audit.map((a) => a.action)).toEqual(['quarantine.release', 'quarantine.request_release', 'quarantine.hold']);
    expect(audit[0]?.detail).toMatchObject({ requested: true, resumed: true });
    advance(INTERRUPTED_RELEASE_AFTER_MS);
    await expect(quarantine.release('m', { actor: 'bo', reason: 'again', deliver, engine: null })).rejects.toThrow('message is already released');
    expect(delivered).toEqual(['m']);
  });

  it('does not resume a release that was delivered and recorded (only its bytes were left behind)', async () => {
    const { quarantine, store, advance } = await fixture();
    const entry = await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    await store.transitionQuarantine('m', ['held'], { ...entry, state: 'released' });
    await store.appendAudit({ at: T0, actor: 'ana', action: 'quarantine.release', subject: 'm', detail: {} });
    advance(2 * INTERRUPTED_RELEASE_AFTER_MS);
    await expect(quarantine.release('m', { actor: 'bo', reason: 'x', deliver: noDelivery, engine: null })).rejects.toThrow('message is already released');
  });

  it('stays recoverable when even undoing the claim fails', async () => {
    const { quarantine, store, dir, key, advance } = await fixture();
    await quarantine.hold({ id: 'm', receivedAt: T0, envelope, verdictId: null }, RAW);
    // A store that loses the database right after the claim.
    let transitions = 0;
    const flaky = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'transitionQuarantine') return Reflect.get(target, name, receiver) as unknown;
        return (...args: Parameters<Store['transitionQuarantine']>) => (++transitions > 1 ? Promise.reject(new Error('connection lost')) : target.transitionQuarantine(...args));
      },
    });
    const dying = new Quarantine({ store: flaky, dir: path.join(dir, 'quarantine'), key, now: () => T0 });
    const failure = await dying.release('m', { actor: 'ana', reason: 'ok', deliver: async () => Promise.reject(new Error('spool gone')), engine: null }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).message).toMatch(/could not be undone; it can be released again in 10 minutes/);
    expect((failure as AggregateError).errors.map((e: Error) => e.message)).toEqual(['spool gone', 'connection lost']);
    expect((await store.getQuarantine('m'))?.state).toBe('released');
    advance(INTERRUPTED_RELEASE_AFTER_MS);
    const delivered: Buffer[] = [];
    await quarantine.release('m', { actor: 'ana', reason: 'ok', deliver: async (_e, raw) => void delivered.push(raw), engine: null });
    expect(delivered).toEqual([RAW]);
  });

  it('expires each message once, even with two sweeps at the same time', async () => {
    const { quarantine, store, dir, key, advance } = await fixture();
    for (let i = 0; i < 6; i++) await quarantine.hold({ id: `m${i}`, receivedAt: T0, envelope, verdictId: null }, RAW);
    advance(31 * DAY);
    const other = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key, now: () => T0 + 31 * DAY });
    const [a, b] = await Promise.all([quarantine.expire(), other.expire()]);
    expect([...(a ?? []), ...(b ?? [])].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect((await store.listAudit({ limit: 20 })).filter((e) => e.action === 'quarantine.expire')).toHaveLength(6);
  });
});
