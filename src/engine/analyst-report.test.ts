import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import type { Verdict } from '../core/verdict.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { reportAsAnalyst } from './analyst-report.js';
import { Engine } from './engine.js';

const T0 = Date.UTC(2026, 10, 1, 9);
const HOUR = 3_600_000;
const SENDER = 'mallory@odd-vendor.test';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

function mail(from: string, to: string, n: number): Buffer {
  return Buffer.from([`From: Someone <${from}>`, `To: ${to}`, `Subject: note ${n}`, `Message-ID: <n${n}@x.test>`, 'Date: Sun, 01 Nov 2026 09:00:00 +0000', '', 'Please see the note.', ''].join('\r\n'));
}

async function fixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-ar-'));
  const store: Store = await openSqliteStore(path.join(dir, 'belong.db'));
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const engine = new Engine({ store, org: { domains: ['example.org'] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  let n = 0;
  const receive = async (to: string, from = SENDER): Promise<Verdict> => (await engine.process(mail(from, to, ++n), { now: T0 + n * HOUR })).verdict;
  const judge = async (to: string): Promise<string[]> => (await engine.score(await engine.read(mail(SENDER, to, ++n)), T0 + 100 * HOUR + n)).signals.map((s) => s.id);
  const report = (verdictId: string, as: 'phishing' | 'safe', at = T0 + 50 * HOUR) => reportAsAnalyst({ store, verdictId, as, actor: 'ana', reason: 'checked', at });
  return { store, receive, judge, report };
}

describe('reportAsAnalyst', () => {
  it("judges an inbound sender organisation-wide: people who never got the email see it next time", async () => {
    const { store, receive, judge, report } = await fixture();
    const toBob = await receive('bob@example.org');
    expect(await judge('erin@example.org')).not.toContain('REPORTED_BY_USERS');
    expect(await report(toBob.id, 'phishing')).toEqual({ sender: SENDER, senderJudged: true, notJudged: null });
    expect(await judge('erin@example.org')).toContain('REPORTED_BY_USERS');
    const [entry] = await store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ actor: 'ana', action: 'message.report', subject: toBob.id, detail: { kind: 'phishing', reason: 'checked', sender: SENDER, senderJudged: true } });
  });

  it('a later safe report overrides an earlier phishing one', async () => {
    const { receive, judge, report } = await fixture();
    const toBob = await receive('bob@example.org');
    await report(toBob.id, 'phishing', T0 + 50 * HOUR);
    await report(toBob.id, 'safe', T0 + 51 * HOUR);
    const signals = await judge('erin@example.org');
    expect(signals).toContain('REPORTED_SAFE');
    expect(signals).not.toContain('REPORTED_BY_USERS');
  });

  it('records without judging when the From failed authentication (forged), the email is not inbound, or there is no sender', async () => {
    const { store, receive, judge, report } = await fixture();
    const genuine = await receive('bob@example.org');
    const forged: Verdict = { ...genuine, id: 'forged', signals: [...genuine.signals, { id: 'AUTH_FAIL_KNOWN_DOMAIN', strength: 1, evidence: {}, summary: 'failed DMARC' }] };
    await store.saveVerdict({ verdict: forged, origin: null });
    const forgedOutcome = await report('forged', 'phishing');
    expect(forgedOutcome?.senderJudged).toBe(false);
    expect(forgedOutcome?.notJudged).toMatch(/forged/);
    expect(await judge('erin@example.org')).not.toContain('REPORTED_BY_USERS');

    const outbound = await receive('partner@elsewhere.test', 'bob@example.org');
    expect((await report(outbound.id, 'phishing'))?.notJudged).toMatch(/outbound/);
    await store.saveVerdict({ verdict: { ...genuine, id: 'nosender', from: null }, origin: null });
    expect(await report('nosender', 'safe')).toEqual({ sender: null, senderJudged: false, notJudged: 'the email has no sender address' });
    expect((await store.listAudit({ limit: 10 })).filter((e) => e.action === 'message.report').map((e) => [e.subject, e.detail.senderJudged])).toEqual([
      ['nosender', false],
      [outbound.id, false],
      ['forged', false],
    ]);
    expect(await report('nope', 'safe')).toBeNull();
  });
});
