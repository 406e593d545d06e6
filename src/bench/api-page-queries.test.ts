import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../api/test-harness.js';
import { SeedStats } from './api-list-queries.js';
import { pageQueries } from './api-page-queries.js';
import { insightVerdicts } from '../api/routes/verdict-fixture.js';

const NOW = Date.UTC(2026, 5, 10, 12);
const ORG = { domain: 'example.org', groups: { executives: ['ceo@example.org', 'cfo@example.org'] } };

let h: Harness;
let viewer: { cookie: string; csrf: string };
const stats = new SeedStats();

beforeAll(async () => {
  h = await startHarness({ now: () => NOW, org: () => ({ domains: [ORG.domain], groups: ORG.groups }) });
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  for (const v of insightVerdicts(NOW)) {
    await h.store.saveVerdict(v);
    stats.add(v.verdict);
  }
});
afterAll(async () => {
  await h.close();
});

describe('the dashboard page requests the benchmark times', () => {
  it('opens our own people and an outside domain, from the seeded mail', () => {
    const urls = pageQueries(stats, ORG, NOW).map((q) => q.url);
    expect(urls.filter((u) => u.startsWith('/api/v1/people/')).every((u) => decodeURIComponent(u).endsWith('@example.org'))).toBe(true);
    expect(urls.filter((u) => u.startsWith('/api/v1/domains/')).some((u) => u.endsWith('/example.org'))).toBe(false);
    expect(new Set(pageQueries(stats, ORG, NOW).map((q) => q.page))).toEqual(new Set(['overview', 'people', 'metrics', 'widgets', 'profiles', 'held']));
  });

  it('are each answered 200 by the API a viewer reaches', async () => {
    for (const query of pageQueries(stats, ORG, NOW)) {
      const response = await h.app.inject({ method: 'GET', url: query.url, headers: { cookie: viewer.cookie } });
      expect([query.name, response.statusCode]).toEqual([query.name, 200]);
    }
  });
});
