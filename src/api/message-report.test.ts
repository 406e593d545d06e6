import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../core/verdict.js';
import type { StoredVerdict } from '../store/store.js';
import { verdictAt } from './routes/verdict-fixture.js';
import { type Harness, startHarness } from './test-harness.js';

const T0 = Date.UTC(2026, 5, 1, 9);

/** A held message from an odd outside sender (mixed case, as a From header may carry it). */
function stored(id: string, extra: Partial<Verdict> = {}): StoredVerdict {
  return verdictAt(id, T0, { from: 'Mallory@Odd-Vendor.example', score: 80, delivery: 'hold', links: 'lock', ...extra });
}

let h: Harness;
let analyst: { cookie: string; csrf: string };
let viewer: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness();
  await h.addUser('ana', 'analyst');
  await h.addUser('vic', 'viewer');
  analyst = await h.login('ana');
  viewer = await h.login('vic');
  await h.store.saveVerdict(stored('held-one'));
  await h.store.saveVerdict(stored('spoofed', { signals: [{ id: 'AUTH_FAIL_KNOWN_DOMAIN', strength: 1, evidence: {}, summary: 'failed DMARC' }] }));
  await h.store.saveVerdict(stored('other'));
  await h.quarantine.hold({ id: 'q1', receivedAt: T0, envelope: { mailFrom: 'mallory@odd-vendor.example', rcptTo: ['bob@example.org'], clientIp: null, helo: null }, verdictId: 'held-one' }, Buffer.from('Subject: x\r\n\r\nbody\r\n'));
});
afterAll(async () => {
  await h.close();
});

const post = (url: string, who: { cookie: string; csrf: string }, payload: unknown) => h.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: payload as Record<string, unknown> });
const detail = async (id: string) => (await h.app.inject({ method: 'GET', url: `/api/v1/messages/${id}`, headers: { cookie: viewer.cookie } })).json() as {
  quarantine: { id: string; state: string } | null;
  history: Array<{ seq: number; actor: string; action: string; subject: string; detail: Record<string, unknown> }>;
};

describe('POST /messages/:id/report', () => {
  it('an analyst judges an inbound sender; the report is audited and shows in the history after the quarantine events', async () => {
    expect((await post('/api/v1/held/q1/release', analyst, { reason: 'expected invoice' })).statusCode).toBe(200);
    const response = await post('/api/v1/messages/held-one/report', analyst, { kind: 'phishing', reason: 'fake invoice' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, kind: 'phishing', senderJudged: true, notJudged: null });

    const one = await detail('held-one');
    expect(one.quarantine).toMatchObject({ id: 'q1', state: 'released' });
    expect(one.history.map((e) => `${e.actor} ${e.action} ${e.subject}`)).toEqual(['belong quarantine.hold q1', 'ana quarantine.release q1', 'ana message.report held-one']);
    expect(one.history.map((e) => e.seq)).toEqual([...one.history.map((e) => e.seq)].sort((a, b) => a - b));
    expect(one.history[2]?.detail).toMatchObject({ kind: 'phishing', reason: 'fake invoice', sender: 'mallory@odd-vendor.example', senderJudged: true });
    expect((await detail('other')).history).toEqual([]);
  });

  it('records a report on a spoofed message without judging the forged address', async () => {
    const response = await post('/api/v1/messages/spoofed/report', analyst, { kind: 'safe' });
    expect(response.json()).toMatchObject({ ok: true, kind: 'safe', senderJudged: false, notJudged: expect.stringMatching(/forged/) });
    expect((await detail('spoofed')).history.map((e) => e.action)).toEqual(['message.report']);
  });

  it('is for analysts, with CSRF, a known message and a valid kind', async () => {
    expect((await post('/api/v1/messages/other/report', viewer, { kind: 'phishing' })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/messages/other/report', headers: { cookie: analyst.cookie }, payload: { kind: 'phishing' } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/messages/other/report', payload: { kind: 'phishing' } })).statusCode).toBe(401);
    expect((await post('/api/v1/messages/nope/report', analyst, { kind: 'phishing' })).statusCode).toBe(404);
    expect((await post('/api/v1/messages/other/report', analyst, { kind: 'spam' })).statusCode).toBe(400);
    expect((await detail('other')).history).toEqual([]);
  });
});
