import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from './run-demo.js';

const dirs: string[] = [];
let demo: RunningDemo | null = null;
afterAll(async () => {
  await demo?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('belong demo', () => {
  it('seeds weeks of history, feeds mail through the gateway to the mailbox, and a dashboard release reaches the mailbox', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-demo-'));
    dirs.push(dir);
    const lines: string[] = [];
    demo = await startDemo({
      dataDir: dir,
      listen: { host: '127.0.0.1', port: 0 },
      smtpListen: { host: '127.0.0.1', port: 0 },
      sinkListen: { host: '127.0.0.1', port: 0 },
      feed: true,
      perSecond: 50,
      durationMs: null,
      seed: 7,
      scale: 'small',
      progressEvery: 10,
      adminPassword: 'demo password for the test',
      write: (line) => lines.push(line),
    });
    const output = lines.join('');
    expect(output).toContain(`dashboard  ${demo.url}/`);
    expect(output).toContain('username   admin');
    expect(output).toContain('password   demo password for the test (from BELONG_ADMIN_PASSWORD)');
    expect(output).toMatch(/SMTP {7}127\.0\.0\.1:\d+ \(the gateway, autonomy active\)/u);

    const running = demo;
    await until(() => running.sink.received.delivered >= 20, '20 messages in the mailbox');
    expect(lines.join('')).toMatch(/demo: fed 10 · gateway relayed \d+, held \d+ · mailbox received \d+/u);

    const login = await fetch(`${demo.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo password for the test' }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const get = async <T>(url: string): Promise<T> => (await (await fetch(`${running.url}${url}`, { headers: { cookie } })).json()) as T;

    // History: verdicts spread over weeks up to today, analysed at the mail's own (moved) dates.
    const { items } = await get<{ items: Array<{ analysedAt: number }> }>('/api/v1/messages?limit=200');
    const days = new Set(items.map((m) => new Date(m.analysedAt).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(5);
    expect(Math.max(...items.map((m) => m.analysedAt))).toBeLessThanOrEqual(Date.now());

    // The held queue has mail from the history; releasing one sends the original to the mailbox.
    const held = await get<{ items: Array<{ id: string; state: string }> }>('/api/v1/held?state=held');
    expect(held.items.length).toBeGreaterThan(0);
    const target = held.items[0]?.id ?? '';
    const release = await fetch(`${demo.url}/api/v1/held/${target}/release`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'demo test' }),
    });
    expect(release.status).toBe(200);
    await until(() => running.sink.received.released >= 1, 'the released message in the mailbox');
    const audit = await get<{ items: Array<{ action: string; subject: string }> }>('/api/v1/audit');
    expect(audit.items.some((e) => e.action === 'quarantine.release' && e.subject === target)).toBe(true);

    await demo.stop();
    await demo.finished;
    expect(lines.join('')).toMatch(/demo: stopped after [\d.]+s: fed \d+, mailbox received \d+ \(\d+ rewritten, 1 released\)/u);
    demo = null;
  });
});
