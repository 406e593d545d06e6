import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-harness.js';
import type { Person } from './insight-schemas.js';
import { insightVerdicts } from './verdict-fixture.js';

const NOW = Date.UTC(2026, 5, 10, 12);
const HOUR = 3_600_000;
const WEEK = `from=${new Date(NOW - 7 * 86_400_000).toISOString()}&to=${new Date(NOW).toISOString()}`;

let h: Harness;
let viewer: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, org: () => ({ domains: ['example.org'], groups: { executives: ['ceo@example.org', 'cfo@example.org'] }, vips: ['cfo@example.org'] }) });
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  for (const v of insightVerdicts(NOW)) await h.store.saveVerdict(v);
  // The CEO went on through a locked link in the held message; a visit by someone unnamed on mail to two people is nobody's.
  await h.store.recordClick({ token: 't1', verdictId: 'v2', url: 'https://pay.evil.example/', at: NOW - HOUR / 2, actor: 'ceo@example.org', outcome: 'continued' });
  await h.store.recordClick({ token: 't1', verdictId: 'v2', url: 'https://pay.evil.example/', at: NOW - HOUR / 4, actor: null, outcome: 'blocked' });
});
afterAll(async () => {
  await h.close();
});

const get = async (url: string) => h.app.inject({ method: 'GET', url, headers: { cookie: viewer.cookie } });

describe('GET /people', () => {
  it('ranks our people by exposure: a click outweighs the VIP weight; outside recipients are not people', async () => {
    const response = await get(`/api/v1/people?${WEEK}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { from: number; to: number; items: Person[] };
    expect(body.to).toBe(NOW);
    expect(body.items.map((p) => [p.address, p.exposure])).toEqual([
      ['ceo@example.org', 54],
      ['cfo@example.org', 52],
      ['bob@example.org', 17],
    ]);
    const [ceo, cfo, bob] = body.items;
    expect(ceo).toEqual({
      address: 'ceo@example.org',
      groups: ['executives'],
      vip: false,
      total: 2,
      anomalous: 2,
      actioned: 2,
      held: 1,
      maxScore: 88,
      clicks: 1,
      exposure: 54,
      reasons: ['received 2 anomalous emails, 1 held', '1 click on locked links (went on to the site)', '100% of their mail was anomalous', 'in executives', 'most often tagged Impersonation (2)', 'highest score 88'],
      topTags: [
        { tag: 'Impersonation', count: 2 },
        { tag: 'Payment Request', count: 1 },
      ],
    });
    expect(cfo).toMatchObject({ vip: true, clicks: 0, anomalous: 2, held: 1 });
    expect(cfo?.reasons).toContain('VIP');
    expect(bob).toMatchObject({ total: 2, anomalous: 1, held: 0, groups: [], topTags: [{ tag: 'First Contact', count: 1 }] });
  });

  it('takes the period and the limit: v6 (ten days ago) counts in a 30-day window', async () => {
    const month = (await get('/api/v1/people?limit=1')).json() as { items: Person[] };
    expect(month.items).toHaveLength(1);
    expect(month.items[0]).toMatchObject({ address: 'ceo@example.org', total: 3, anomalous: 3, held: 2, maxScore: 90 });
    expect((await get('/api/v1/people?limit=201')).statusCode).toBe(400);
    expect((await get(`/api/v1/people?from=${new Date(NOW).toISOString()}&to=${new Date(NOW - 1).toISOString()}`)).statusCode).toBe(400);
  });
});

describe('GET /people/:address', () => {
  it('gives the person, their newest anomalous mail and the clicks that were theirs', async () => {
    const body = (await get(`/api/v1/people/CEO@example.org?${WEEK}`)).json() as { person: Person; recent: Array<{ id: string }>; clicks: unknown[] };
    expect(body.person).toMatchObject({ address: 'ceo@example.org', exposure: 54 });
    expect(body.recent.map((m) => m.id)).toEqual(['v2', 'v3']);
    expect(body.clicks).toEqual([{ token: 't1', url: 'https://pay.evil.example/', at: NOW - HOUR / 2, outcome: 'continued', verdictId: 'v2' }]);
  });

  it('answers for someone with no mail in the period', async () => {
    const body = (await get(`/api/v1/people/nobody@example.org?${WEEK}`)).json() as { person: Person; recent: unknown[]; clicks: unknown[] };
    expect(body).toEqual({
      person: { address: 'nobody@example.org', groups: [], vip: false, total: 0, anomalous: 0, actioned: 0, held: 0, maxScore: 0, clicks: 0, exposure: 0, reasons: ['nothing anomalous in this period'], topTags: [] },
      recent: [],
      clicks: [],
    });
  });
});
