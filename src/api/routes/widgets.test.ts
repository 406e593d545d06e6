import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-harness.js';
import { insightVerdicts } from './verdict-fixture.js';

const NOW = Date.UTC(2026, 5, 10, 12);

let h: Harness;
let viewer: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness({
    now: () => NOW,
    org: () => ({ domains: ['example.org'], groups: { executives: ['ceo@example.org', 'CFO@example.org'], finance: ['bob@example.org'], board: [] } }),
  });
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  for (const v of insightVerdicts(NOW)) await h.store.saveVerdict(v);
});
afterAll(async () => {
  await h.close();
});

const data = async (query: string) => {
  const response = await h.app.inject({ method: 'GET', url: `/api/v1/widgets/data?${query}`, headers: { cookie: viewer.cookie } });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};
const bars = async (query: string) => (await data(`view=bar&days=7&${query}`)).body.bars;

describe('GET /widgets/data', () => {
  it('gives a daily series over the window, empty days included, the old message left out', async () => {
    const { status, body } = await data('view=timeseries&days=7');
    expect(status).toBe(200);
    const series = body.series as Array<{ day: string; total: number; byAction: Record<string, number> }>;
    expect(series.map((p) => p.day)).toEqual(['2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08', '2026-06-09', '2026-06-10']);
    expect(series.map((p) => p.total)).toEqual([0, 0, 0, 0, 2, 1, 2]);
    expect(series[6]?.byAction).toEqual({ deliver: 1, banner: 0, junk: 0, hold: 1 });
    expect(series[4]?.byAction).toEqual({ deliver: 1, banner: 1, junk: 0, hold: 0 });
    expect(((await data('view=timeseries&days=1')).body.series as unknown[]).length).toBe(1);
  });

  it('counts bars exactly, most first, ties by label', async () => {
    expect(await bars('by=tag')).toEqual([
      { label: 'Impersonation', count: 2 },
      { label: 'First Contact', count: 1 },
      { label: 'Payment Request', count: 1 },
    ]);
    expect(await bars('by=action')).toEqual([
      { label: 'deliver', count: 2 },
      { label: 'banner', count: 1 },
      { label: 'hold', count: 1 },
      { label: 'junk', count: 1 },
    ]);
    expect(await bars('by=direction')).toEqual([
      { label: 'inbound', count: 4 },
      { label: 'outbound', count: 1 },
    ]);
    expect(await bars('by=recipient')).toEqual([
      { label: 'bob@example.org', count: 2 },
      { label: 'ceo@example.org', count: 2 },
      { label: 'cfo@example.org', count: 2 },
      { label: 'carol@vendor.example', count: 1 },
    ]);
    expect(await bars('by=sender')).toEqual([
      { label: 'alice@vendor.example', count: 2 },
      { label: 'mallory@evil.example', count: 2 },
      { label: 'bob@example.org', count: 1 },
    ]);
    expect(await bars('by=senderDomain')).toEqual([
      { label: 'evil.example', count: 2 },
      { label: 'vendor.example', count: 2 },
      { label: 'example.org', count: 1 },
    ]);
  });

  it('counts a message once per group it reached (v2 went to two executives), and leaves empty groups out', async () => {
    expect(await bars('by=group')).toEqual([
      { label: 'executives', count: 3 },
      { label: 'finance', count: 2 },
    ]);
    expect(await bars('by=group&group=finance')).toEqual([{ label: 'finance', count: 2 }]);
    expect(await bars('by=group&minScore=60')).toEqual([{ label: 'executives', count: 2 }]);
  });

  it('applies the filter: group, score, sender domain, text', async () => {
    expect(await bars('by=tag&group=executives')).toEqual([
      { label: 'Impersonation', count: 2 },
      { label: 'First Contact', count: 1 },
      { label: 'Payment Request', count: 1 },
    ]);
    const table = await data('view=table&days=7&minScore=60');
    expect((table.body.items as Array<{ id: string }>).map((m) => m.id)).toEqual(['v2', 'v3']);
    const domain = await data('view=timeseries&days=7&senderDomain=Evil.Example');
    expect((domain.body.series as Array<{ total: number }>).reduce((n, p) => n + p.total, 0)).toBe(2);
    expect(((await data('view=table&days=30&q=subject v6')).body.items as Array<{ id: string }>).map((m) => m.id)).toEqual(['v6']);
    expect(await bars('by=action&tag=Impersonation&direction=inbound&action=hold')).toEqual([{ label: 'hold', count: 1 }]);
    expect(await bars('by=recipient&sender=alice@vendor.example&recipient=cfo@example.org')).toEqual([
      { label: 'bob@example.org', count: 1 },
      { label: 'cfo@example.org', count: 1 },
    ]);
  });

  it('refuses an unknown group, a bar without `by`, and a window past 366 days', async () => {
    expect((await data('view=table&group=constructor')).status).toBe(400);
    expect(await data('view=bar&by=tag&group=nobody')).toMatchObject({ status: 400, body: { error: 'bad_request', message: 'no such group: nobody' } });
    expect((await data('view=bar')).status).toBe(400);
    expect((await data('view=timeseries&days=367')).status).toBe(400);
    expect((await data('view=pie')).status).toBe(400);
  });
});
