import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** The dashboard shell (/assets/*, /*) carries no data: every byte of data comes from /api/v1. */
const PUBLIC = new Set(['/api/v1/health', '/api/v1/auth/login', '/api/docs', '/assets/*', '/*']);

describe('API surface', () => {
  it('refuses every registered route without credentials, except health, login and docs', async () => {
    const checked: string[] = [];
    expect(h.routes.length).toBeGreaterThan(15);
    for (const route of h.routes) {
      const url = route.url.replace(/:[A-Za-z]+/gu, 'x');
      const response = await h.app.inject({ method: route.method as 'GET', url, payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {} });
      if (PUBLIC.has(route.url)) {
        expect(route.access, route.url).toBe('public');
        continue;
      }
      expect(route.access, `${route.method} ${route.url} declares its access`).toMatch(/^(viewer|analyst|admin)$/u);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked).toContain('POST /api/v1/held/:id/release');
    expect(checked).toContain('GET /api/v1/messages');
  });

  it('refuses a forged or revoked credential as well as none', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/messages', headers: { cookie: 'belong_session=forged' } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/messages', headers: { authorization: 'Bearer belong_nope' } })).statusCode).toBe(401);
  });

  it('answers health without credentials and serves an OpenAPI document listing the v1 routes', async () => {
    const health = await h.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toEqual({ status: 'ok', store: 'sqlite' });
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    const doc = docs.json() as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
    expect(doc.openapi).toMatch(/^3\./u);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/messages', '/api/v1/messages/{id}', '/api/v1/held/{id}/release', '/api/v1/users', '/api/v1/tokens', '/api/v1/metrics', '/api/v1/audit', '/api/v1/settings']));
    expect(doc.paths['/api/v1/messages']?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['from', 'tag', 'minScore', 'q', 'limit']));
  });
});

describe('the dashboard shell', () => {
  it('serves index.html with a strict CSP for client-side routes, and JSON 404 under /api', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/emails/some-id' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/u);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<div id="root">');
    const missing = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
  });
});
