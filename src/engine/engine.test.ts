import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import type { Policy } from '../core/policy.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { buildMessage } from '../../test/helpers/message-builder.js';
import { Engine, replayTime } from './engine.js';

const DAY = 86_400_000;
const t0 = Date.UTC(2024, 2, 1);
let store: Store | null = null;
const dirs: string[] = [];

async function engineWith(policy: Policy = loadPolicy()): Promise<Engine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-engine-'));
  dirs.push(dir);
  store = await openSqliteStore(path.join(dir, 'belong.db'));
  return new Engine({ store, org: { domains: ['example.org'] }, policy, trustedAuthservIds: [], resolver: null });
}

const raw = (from: string, date: number) =>
  Buffer.from(`From: ${from}\r\nTo: alice@example.org\r\nSubject: hi\r\nDate: ${new Date(date).toUTCString()}\r\nMessage-ID: <${date}@x>\r\n\r\nhello\r\n`);

afterEach(async () => {
  await store?.close();
  store = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Engine.process (production order: verdict, persist, learn)', () => {
  it('persists the verdict and learns from delivered mail, so the next one from the sender is no first contact', async () => {
    const engine = await engineWith();
    for (let i = 0; i < 30; i += 1) await engine.process(raw(`peer${i % 5}@known.example`, t0 + i * DAY), { now: t0 + i * DAY });
    const first = await engine.process(raw('new@fresh.example', t0 + 40 * DAY), { now: t0 + 40 * DAY, origin: 'first.eml' });
    expect(first.verdict.signals.map((s) => s.id)).toContain('FIRST_CONTACT_RECIPIENT');
    expect(await engine.store.getVerdict(first.verdict.id)).toMatchObject({ origin: 'first.eml', verdict: { id: first.verdict.id } });
    const second = await engine.process(raw('new@fresh.example', t0 + 41 * DAY), { now: t0 + 41 * DAY });
    expect(second.verdict.signals.map((s) => s.id)).not.toContain('FIRST_CONTACT_RECIPIENT');
  });

  it('learns nothing from a held message', async () => {
    const policy = loadPolicy();
    const engine = await engineWith({ ...policy, delivery: [{ action: 'hold', because: 'test: hold everything', when: [{ minScore: 1 }] }] });
    for (let i = 0; i < 30; i += 1) await engine.process(raw(`peer${i % 5}@known.example`, t0 + i * DAY), { now: t0 + i * DAY });
    const held = await engine.process(raw('new@fresh.example', t0 + 40 * DAY), { now: t0 + 40 * DAY });
    expect(held.verdict.actions.delivery).toBe('hold');
    const again = await engine.process(raw('new@fresh.example', t0 + 41 * DAY), { now: t0 + 41 * DAY });
    expect(again.verdict.signals.map((s) => s.id)).toContain('FIRST_CONTACT_ORG');
  });

  it('still analyses and records a malformed message', async () => {
    const engine = await engineWith();
    const { verdict } = await engine.process(Buffer.from('Subject: \u0000broken\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n\x00\xff'), { now: t0 });
    expect(await engine.store.getVerdict(verdict.id)).not.toBeNull();
  });
});

describe('replayTime', () => {
  const wall = Date.UTC(2030, 0, 1);
  it('follows the message date', () => {
    expect(replayTime(buildMessage({ from: 'a@b.example', date: t0 }), null, wall)).toBe(t0);
  });
  it('carries the clock on for a missing, future or badly back-dated date', () => {
    expect(replayTime({ ...buildMessage({ from: 'a@b.example' }), date: null }, t0, wall)).toBe(t0);
    expect(replayTime(buildMessage({ from: 'a@b.example', date: wall + DAY }), t0, wall)).toBe(t0);
    expect(replayTime(buildMessage({ from: 'a@b.example', date: t0 - 10 * DAY }), t0, wall)).toBe(t0);
    expect(replayTime(buildMessage({ from: 'a@b.example', date: t0 - 3600_000 }), t0, wall)).toBe(t0 - 3600_000);
  });
});
