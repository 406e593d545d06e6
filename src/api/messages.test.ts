import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../core/verdict.js';
import { verdictAt } from './routes/verdict-fixture.js';
import { type Harness, startHarness } from './test-harness.js';

const T0 = Date.UTC(2026, 5, 1, 9);
const HOUR = 3_600_000;

/** What the detail answer must pass through: a signal with evidence, and a narrative span with its reference. */
const EXPLAINED: Partial<Verdict> = {
  signals: [{ id: 'FIRST_CONTACT', strength: 0.8, evidence: { days: 0 }, summary: 'never written before' }],
  narrative: { headline: 'Headline m2', sentences: [[{ text: 'From ' }, { text: 'alice@vendor.example', ref: { kind: 'sender', id: 'alice@vendor.example' } }]], text: 'From alice@vendor.example' },
};

let h: Harness;
let analyst: { cookie: string; csrf: string };
let viewer: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness();
  await h.addUser('ana', 'analyst');
  await h.addUser('vic', 'viewer');
  analyst = await h.login('ana');
  viewer = await h.login('vic');
  await h.store.saveVerdict(verdictAt('m1', T0));
  await h.store.saveVerdict(verdictAt('m2', T0 + HOUR, { ...EXPLAINED, score: 88, tags: ['Impersonation'], from: 'ceo@corp-example.example', subject: 'Wire transfer today', delivery: 'hold', links: 'lock' }));
  await h.store.saveVerdict(verdictAt('m3', T0 + 30 * HOUR, { direction: 'outbound', from: 'bob@corp.example', recipients: ['carol@vendor.example'] }));
  await h.store.recordClick({ token: 't1', verdictId: 'm2', url: 'https://x.example/', at: T0 + 2 * HOUR, actor: 'bob@corp.example', outcome: 'blocked' });
});
afterAll(async () => {
  await h.close();
});

const get = async (url: string, cookie = viewer.cookie) => h.app.inject({ method: 'GET', url, headers: { cookie } });

describe('messages', () => {
  it('lists newest first with filters and server-side paging', async () => {
    const ids = async (query: string) => ((await get(`/api/v1/messages${query}`)).json() as { items: Array<{ id: string }> }).items.map((m) => m.id);
    expect(await ids('')).toEqual(['m3', 'm2', 'm1']);
    expect(await ids('?tag=Impersonation')).toEqual(['m2']);
    expect(await ids('?action=hold&minScore=50')).toEqual(['m2']);
    expect(await ids('?maxScore=50&direction=inbound')).toEqual(['m1']);
    expect(await ids('?q=wire')).toEqual(['m2']);
    expect(await ids('?sender=CEO@corp-example.example')).toEqual(['m2']);
    expect(await ids('?recipient=carol@vendor.example')).toEqual(['m3']);
    expect(await ids(`?from=${new Date(T0 + HOUR).toISOString()}&to=${new Date(T0 + 2 * HOUR).toISOString()}`)).toEqual(['m2']);
    const page = (await get('/api/v1/messages?limit=2&offset=0')).json() as { items: Array<{ id: string; headline: string; action: string }>; hasMore: boolean };
    expect(page.hasMore).toBe(true);
    expect(page.items[1]).toMatchObject({ id: 'm2', headline: 'Headline m2', action: 'hold' });
    expect((await get('/api/v1/messages?limit=1000')).statusCode).toBe(400);
    expect((await get('/api/v1/messages?from=yesterday')).statusCode).toBe(400);
  });

  it('shows one message with narrative spans, evidence, actions and clicks', async () => {
    const one = await get('/api/v1/messages/m2');
    expect(one.statusCode).toBe(200);
    const body = one.json() as { verdict: Verdict; clicks: Array<{ url: string; outcome: string }> };
    expect(body.verdict.narrative.sentences[0]?.[1]?.ref).toEqual({ kind: 'sender', id: 'alice@vendor.example' });
    expect(body.verdict.signals[0]?.evidence).toEqual({ days: 0 });
    expect(body.verdict.actions.delivery).toBe('hold');
    expect(body.clicks).toEqual([{ token: 't1', url: 'https://x.example/', at: T0 + 2 * HOUR, actor: 'bob@corp.example', outcome: 'blocked' }]);
    expect((await get('/api/v1/messages/nope')).statusCode).toBe(404);
  });

  it('counts per day by action, tag and direction', async () => {
    const metrics = await get(`/api/v1/metrics?from=${new Date(T0 - 24 * HOUR).toISOString()}&to=${new Date(T0 + 48 * HOUR).toISOString()}`);
    expect(metrics.statusCode).toBe(200);
    expect((metrics.json() as { days: unknown[] }).days).toEqual([
      { day: '2026-06-01', total: 2, byAction: { deliver: 1, hold: 1 }, byTag: { Impersonation: 1 }, byDirection: { inbound: 2 } },
      { day: '2026-06-02', total: 1, byAction: { deliver: 1 }, byTag: {}, byDirection: { outbound: 1 } },
    ]);
    // Any slice the message list can filter: here the held mail only; an unknown group is refused.
    const range = `from=${new Date(T0 - 24 * HOUR).toISOString()}&to=${new Date(T0 + 48 * HOUR).toISOString()}`;
    expect(((await get(`/api/v1/metrics?${range}&action=hold`)).json() as { days: unknown[] }).days).toEqual([
      { day: '2026-06-01', total: 1, byAction: { hold: 1 }, byTag: { Impersonation: 1 }, byDirection: { inbound: 1 } },
    ]);
    expect((await get(`/api/v1/metrics?${range}&group=nope`)).statusCode).toBe(400);
  });
});

describe('held queue', () => {
  const hold = (id: string) => h.quarantine.hold({ id, receivedAt: T0, envelope: { mailFrom: 'ceo@corp-example.example', rcptTo: ['bob@corp.example'], clientIp: null, helo: null }, verdictId: 'm2' }, Buffer.from(`Subject: ${id}\r\n\r\nbody\r\n`));

  it('lists held mail; a viewer cannot release; an analyst releases, deletes and requests, each audit-logged', async () => {
    await hold('q1');
    await hold('q2');
    await hold('q3');
    const list = (await get('/api/v1/held?state=held')).json() as { items: Array<{ id: string; state: string; subject: string | null; headline: string | null }> };
    expect(list.items.map((e) => e.id).sort()).toEqual(['q1', 'q2', 'q3']);
    // Each queue row says what the held message is (from its verdict), for triage without opening it.
    expect(list.items[0]).toMatchObject({ subject: expect.any(String), headline: 'Headline m2' });
    const post = (url: string, who: { cookie: string; csrf: string }) => h.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: { reason: 'checked with sender' } });
    expect((await post('/api/v1/held/q1/release', viewer)).statusCode).toBe(403);
    const released = await post('/api/v1/held/q1/release', analyst);
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: 'q1', state: 'released' });
    expect(h.delivered.map((d) => d.raw.toString())).toEqual(['Subject: q1\r\n\r\nbody\r\n']);
    expect((await post('/api/v1/held/q1/release', analyst)).statusCode).toBe(409);
    expect((await post('/api/v1/held/q2/delete', analyst)).json()).toMatchObject({ state: 'deleted' });
    expect((await post('/api/v1/held/q3/request-release', analyst)).json()).toMatchObject({ state: 'release_requested' });
    expect((await post('/api/v1/held/none/release', analyst)).statusCode).toBe(404);
    const audit = (await get('/api/v1/audit?limit=10', analyst.cookie)).json() as { items: Array<{ actor: string; action: string; subject: string; detail: Record<string, unknown> }> };
    expect(audit.items.slice(0, 3).map((e) => `${e.actor} ${e.action} ${e.subject}`)).toEqual(['ana quarantine.request_release q3', 'ana quarantine.delete q2', 'ana quarantine.release q1']);
    expect(audit.items[2]?.detail).toMatchObject({ reason: 'checked with sender' });
    expect((await get('/api/v1/audit', viewer.cookie)).statusCode).toBe(403);
  });

  it('answers 503 when the server runs without a quarantine', async () => {
    const bare = await startHarness({ quarantine: null });
    try {
      const { cookie } = await bare.login('admin');
      expect((await bare.app.inject({ method: 'GET', url: '/api/v1/held', headers: { cookie } })).statusCode).toBe(503);
    } finally {
      await bare.close();
    }
  });
});
