import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import type { Verdict } from '../core/verdict.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { Engine } from './engine.js';
import { reportMessage } from './feedback.js';

const T0 = Date.UTC(2026, 10, 1, 9);
const HOUR = 3_600_000;
const SENDER = 'mallory@odd-vendor.test';
const stores: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function mail(to: string, n: number): Buffer {
  return Buffer.from([`From: Mallory <${SENDER}>`, `To: ${to}`, `Subject: note ${n}`, `Message-ID: <n${n}-${to}@odd-vendor.test>`, 'Date: Sun, 01 Nov 2026 09:00:00 +0000', '', 'Please see the note.', ''].join('\r\n'));
}

async function fixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-fb-'));
  dirs.push(dir);
  const store = await openSqliteStore(path.join(dir, 'belong.db'));
  stores.push(store);
  const engine = new Engine({ store, org: { domains: ['example.org'] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  let n = 0;
  /** One email from the sender to `to`, analysed and stored (so it can be reported). */
  const receive = async (to: string): Promise<Verdict> => (await engine.process(mail(to, ++n), { now: T0 + n * HOUR })).verdict;
  /** How a fresh email to `to` would be judged now, without learning from it. */
  const judge = async (to: string): Promise<Verdict> => engine.score(await engine.read(mail(to, ++n)), T0 + 100 * HOUR + n);
  const report = (verdict: Verdict, actor: string, as: 'phishing' | 'safe', at: number) => reportMessage({ store, verdictId: verdict.id, as, actor, at, threshold: 3 });
  const signals = (v: Verdict) => v.signals.map((s) => s.id);
  return { store, receive, judge, report, signals };
}

describe('feedback: report as phishing / safe', () => {
  it("one recipient's report affects only their own relationship with the sender", async () => {
    const { receive, judge, report, signals } = await fixture();
    const toBob = await receive('bob@example.org');
    const before = await judge('bob@example.org');
    expect(await report(toBob, 'bob@example.org', 'phishing', T0 + 10 * HOUR)).toEqual({ sender: SENDER, scope: 'relationship', agreeing: 1 });
    const bob = await judge('bob@example.org');
    expect(signals(bob)).toContain('REPORTED_BY_USERS');
    expect(bob.signals.find((s) => s.id === 'REPORTED_BY_USERS')?.evidence.scope).toBe('relationship');
    expect(bob.score).toBeGreaterThan(before.score);
    expect(bob.tags).toContain('Reported by Users');
    expect(signals(await judge('carol@example.org'))).not.toContain('REPORTED_BY_USERS');
  });

  it('the same reporter three times stays within their relationship', async () => {
    const { receive, judge, report, signals } = await fixture();
    const toBob = await receive('bob@example.org');
    for (let i = 0; i < 3; i++) expect((await report(toBob, 'BOB@example.org', 'phishing', T0 + (10 + i) * HOUR)).scope).toBe('relationship');
    expect(signals(await judge('carol@example.org'))).not.toContain('REPORTED_BY_USERS');
  });

  it('three distinct recipients make it organisation-wide, reaching people who never reported', async () => {
    const { receive, judge, report, signals, store } = await fixture();
    const reporters = ['bob@example.org', 'carol@example.org', 'dave@example.org'];
    const outcomes = [];
    for (const [i, who] of reporters.entries()) outcomes.push(await report(await receive(who), who, 'phishing', T0 + (10 + i) * HOUR));
    expect(outcomes.map((o) => [o.scope, o.agreeing])).toEqual([
      ['relationship', 1],
      ['relationship', 2],
      ['organisation', 3],
    ]);
    const erin = await judge('erin@example.org');
    expect(signals(erin)).toContain('REPORTED_BY_USERS');
    expect(erin.signals.find((s) => s.id === 'REPORTED_BY_USERS')?.evidence.scope).toBe('organisation');
    expect((await store.listAudit({ limit: 10 })).filter((a) => a.action === 'report.phishing').map((a) => a.actor)).toEqual([...reporters].reverse());
  });

  it('report as safe mitigates for that recipient only, and a later report wins over an earlier one', async () => {
    const { receive, judge, report, signals } = await fixture();
    const toBob = await receive('bob@example.org');
    await report(toBob, 'bob@example.org', 'phishing', T0 + 10 * HOUR);
    await report(toBob, 'bob@example.org', 'safe', T0 + 11 * HOUR);
    const bob = await judge('bob@example.org');
    expect(signals(bob)).toContain('REPORTED_SAFE');
    expect(signals(bob)).not.toContain('REPORTED_BY_USERS');
    expect(signals(await judge('carol@example.org'))).not.toContain('REPORTED_SAFE');
  });

  it('refuses reports from people who did not receive the email, including its sender', async () => {
    const { receive, report } = await fixture();
    const toBob = await receive('bob@example.org');
    await expect(report(toBob, 'eve@example.org', 'safe', T0)).rejects.toThrow(/did not receive this email/);
    await expect(report(toBob, SENDER, 'safe', T0)).rejects.toThrow(/did not receive/);
    await expect(reportMessage({ store: (await fixture()).store, verdictId: 'nope', as: 'safe', actor: 'bob@example.org', at: T0, threshold: 3 })).rejects.toThrow(/no such verdict/);
  });
});
