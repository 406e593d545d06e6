import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../core/verdict.js';
import { signLinkToken } from '../mail/rewrite/link-token.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { startLinkServer } from './link-server.js';

const SECRET = 'test-secret-0123456789abcdef';
const T0 = Date.UTC(2026, 10, 29, 10);

function verdict(id: string, links: Verdict['actions']['links']): Verdict {
  return {
    id,
    digest: `d-${id}`,
    messageId: `<${id}@x.test>`,
    analysedAt: T0,
    direction: 'inbound',
    from: 'billing@lookalike.test',
    recipients: ['bob@example.org'],
    subject: 'Invoice <overdue> & "urgent"',
    score: 81,
    tags: ['Lookalike Domain', '<script>alert(1)</script>'],
    signals: [],
    threat: { asks: ['link'], evidence: {} },
    actions: { delivery: 'banner', links, attachments: 'none', notTaken: [] },
    reason: 'sender domain imitates <example.org> & asks you to "log in"',
    defects: [],
  } as unknown as Verdict;
}

let store: Store;
let server: http.Server;
let base = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'belong-links-'));
  store = await openSqliteStore(path.join(dir, 'belong.db'));
  await store.saveVerdict({ verdict: verdict('v-lock', 'lock'), origin: null });
  await store.saveVerdict({ verdict: verdict('v-double', 'double_lock'), origin: null });
  let clock = T0;
  server = await startLinkServer({ store, secret: SECRET, host: '127.0.0.1', port: 0, now: () => (clock += 1000) });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const token = (verdictId: string, url: string, index = 0) => signLinkToken(SECRET, { verdictId, url, index });
const get = (p: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { redirect: 'manual', headers });
const post = (p: string) => fetch(`${base}${p}`, { method: 'POST', redirect: 'manual' });

describe('link page', () => {
  it('shows where a locked link goes and why, escaped, without fetching it, and lets the user continue', async () => {
    const url = 'https://login.lookalike.test/reset?next=<b>"x"</b>&a=1';
    const t = token('v-lock', url);
    const page = await get(`/l/${t}?u=bob@example.org`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('login.lookalike.test');
    expect(html).toContain('https://login.lookalike.test/reset?next&#61;&#60;b&#62;&#34;x&#34;&#60;/b&#62;&#38;a&#61;1');
    expect(html).toContain('sender domain imitates &#60;example.org&#62; &#38; asks you to &#34;log in&#34;');
    expect(html).toContain('Lookalike Domain');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<(script|img|iframe|link)\b/iu);
    expect(html).toContain(`action="/l/${t}/continue?u&#61;bob%40example.org"`);
    // Looking is not clicking: nothing recorded for a GET of a locked link.
    expect(await store.listClicks('v-lock')).toEqual([]);

    const go = await post(`/l/${t}/continue?u=bob@example.org`);
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe(new URL(url).href);
    const clicks = await store.listClicks('v-lock');
    expect(clicks).toEqual([{ token: t, verdictId: 'v-lock', url, at: expect.any(Number) as number, actor: 'bob@example.org', outcome: 'continued' }]);
  });

  it('records a decline as blocked, with the user from the X-Belong-User header when there is no parameter', async () => {
    const t = token('v-lock', 'https://elsewhere.test/', 3);
    const page = await fetch(`${base}/l/${t}/decline`, { method: 'POST', headers: { 'x-belong-user': 'carol@example.org' } });
    expect(page.status).toBe(200);
    const last = (await store.listClicks('v-lock')).at(-1);
    expect(last).toMatchObject({ token: t, actor: 'carol@example.org', outcome: 'blocked', url: 'https://elsewhere.test/' });
  });

  it('double lock refuses to continue: no button, continue answers 403 and never redirects, each try recorded', async () => {
    const t = token('v-double', 'https://evil.test/pay');
    const page = await get(`/l/${t}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('This link is blocked');
    expect(html).toContain('https://evil.test/pay');
    expect(html).not.toContain('/continue');
    const go = await post(`/l/${t}/continue`);
    expect(go.status).toBe(403);
    expect(go.headers.get('location')).toBeNull();
    expect((await store.listClicks('v-double')).map((c) => [c.outcome, c.actor])).toEqual([
      ['blocked', null],
      ['blocked', null],
    ]);
  });

  it('never opens a non-web link, even when only locked', async () => {
    const t = token('v-lock', 'javascript:alert(document.cookie)');
    const html = await (await get(`/l/${t}`)).text();
    expect(html).not.toContain('/continue"');
    expect(html).toContain('will not open this kind of link');
    const go = await post(`/l/${t}/continue`);
    expect(go.status).toBe(403);
    expect(go.headers.get('location')).toBeNull();
  });

  it('answers 404 with one fixed page for tampered, foreign, malformed or unknown tokens', async () => {
    const good = token('v-lock', 'https://a.test/');
    const [body, mac] = good.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 'v-lock', u: 'https://evil.test/', i: 0 })).toString('base64url');
    const candidates = [
      `/l/${forged}.${mac}`,
      `/l/${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      `/l/${signLinkToken('another-secret-0123456789', { verdictId: 'v-lock', url: 'https://a.test/', index: 0 })}`,
      '/l/not-a-token',
      '/l/',
      '/',
      '/l/../../etc/passwd',
    ];
    const pages = await Promise.all(candidates.map(async (p) => {
      const r = await get(p);
      return { status: r.status, text: await r.text() };
    }));
    for (const p of pages) expect(p).toEqual(pages[0]);
    expect(pages[0]?.status).toBe(404);
    expect(pages[0]?.text).not.toMatch(/v-lock|evil|signature|secret/iu);
    expect((await post(`/l/${forged}.${mac}/continue`)).status).toBe(404);
  });
});
