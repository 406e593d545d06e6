import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loadPolicy } from '../config/policy-file.js';
import { parseGatewayConfig } from '../gateway/gateway-config.js';
import type { MessageContent } from '../store/message-content.js';
import { openStore } from '../store/open-store.js';
import { sampleStoredVerdict } from '../store/store.conformance.js';
import { startBelongServer } from './serve-runtime.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const PASSWORD = 'serve runtime test password';
const DAY = 86_400_000;

describe('startBelongServer', () => {
  it('applies settings changed in the dashboard to the engine at once, and starts from them next time', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-serve-runtime-'));
    dirs.push(dir);
    const config = loadConfig({ flags: { dataDir: dir, orgDomains: ['example.org'] }, env: {} });
    const start = async () => {
      const store = await openStore({ dbPath: config.dbPath, databaseUrl: null });
      const server = await startBelongServer({ context: { config, policy: loadPolicy(), store }, listen: { host: '127.0.0.1', port: 0 }, gateway: null, sessionTtlMs: 3_600_000, adminPassword: PASSWORD, write: () => undefined, dashboardDir: null });
      return { store, server };
    };

    const first = await start();
    expect(first.server.engine.org.domains).toEqual(['example.org']);
    const login = await first.server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
    const cookie = `belong_session=${login.cookies.find((c) => c.name === 'belong_session')?.value ?? ''}`;
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const change = await first.server.app.inject({
      method: 'PUT',
      url: '/api/v1/settings',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { orgDomains: ['example.org', 'example.net'], groups: { finance: ['ann@example.org'] }, vips: ['ceo@example.org'] },
    });
    expect(change.statusCode).toBe(200);
    expect(first.server.engine.org).toMatchObject({ domains: ['example.org', 'example.net'], groups: { finance: ['ann@example.org'] }, vips: ['ceo@example.org'] });
    await first.server.close();
    await first.store.close();

    // The config file/flags still say example.org only; the store's overrides win at the next start.
    const second = await start();
    expect(second.server.engine.org).toMatchObject({ domains: ['example.org', 'example.net'], groups: { finance: ['ann@example.org'] } });
    await second.server.close();
    await second.store.close();
  });

  it('without a gateway still removes old message content: at start, and at once when the dashboard shortens the retention', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-serve-runtime-'));
    dirs.push(dir);
    const config = loadConfig({ flags: { dataDir: dir, orgDomains: ['example.org'] }, env: {} });
    const store = await openStore({ dbPath: config.dbPath, databaseUrl: null });
    const content: MessageContent = { headers: [], text: 'the body', html: null, links: [], attachments: [], auth: {}, truncated: false };
    const now = Date.now();
    await store.saveVerdict(sampleStoredVerdict('forty-days', now - 40 * DAY), content);
    await store.saveVerdict(sampleStoredVerdict('ten-days', now - 10 * DAY), content);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const server = await startBelongServer({ context: { config, policy: loadPolicy(), store }, listen: { host: '127.0.0.1', port: 0 }, gateway: null, sessionTtlMs: 3_600_000, adminPassword: PASSWORD, write: () => undefined, dashboardDir: null, logger });
    try {
      await server.retention.sweep(); // after the start sweep
      expect(await store.getMessageContent('forty-days')).toBeNull();
      expect(await store.getMessageContent('ten-days')).toEqual(content);
      expect(await store.getVerdict('forty-days')).not.toBeNull();
      expect(lines.join('')).toMatch(/"removed":1.*message retention: removed the content/u);

      const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
      const cookie = `belong_session=${login.cookies.find((c) => c.name === 'belong_session')?.value ?? ''}`;
      const change = await server.app.inject({ method: 'PUT', url: '/api/v1/settings', headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken }, payload: { messageRetentionDays: 7 } });
      expect(change.statusCode).toBe(200);
      await vi.waitFor(async () => expect(await store.getMessageContent('ten-days')).toBeNull());
      const audit = (await store.listAudit({ limit: 10 })).filter((e) => e.action === 'retention.prune_content');
      expect(audit.map((e) => e.detail.removed)).toEqual([1, 1]);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('with the gateway in the process, a settings change moves the accepted domains, autonomy and retention at once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-serve-runtime-'));
    dirs.push(dir);
    const config = loadConfig({ flags: { dataDir: dir, orgDomains: ['example.org'] }, env: {} });
    const store = await openStore({ dbPath: config.dbPath, databaseUrl: null });
    const gateway = parseGatewayConfig({ listen: '127.0.0.1:0', journal: true, logLevel: 'silent', workers: 1 });
    await store.saveVerdict(sampleStoredVerdict('forty-days', Date.now() - 40 * DAY), { headers: [], text: 'old', html: null, links: [], attachments: [], auth: {}, truncated: false });
    const server = await startBelongServer({ context: { config, policy: loadPolicy(), store }, listen: { host: '127.0.0.1', port: 0 }, gateway, sessionTtlMs: 3_600_000, adminPassword: PASSWORD, write: () => undefined, dashboardDir: null });
    try {
      // The gateway's hourly sweep (held mail and message content) is the one this process runs.
      expect(server.retention).toBe(server.gateway?.retention);
      await server.retention.sweep();
      expect(await store.getMessageContent('forty-days')).toBeNull();
      const port = server.gateway?.addresses.smtpPort;
      const smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const send = (to: string) => smtp.sendMail({ from: 'partner@vendor.example', to, subject: 'hello', text: 'hi' });
      await expect(send('ann@example.net')).rejects.toThrow(/Relay access denied/u);

      const login = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } });
      const cookie = `belong_session=${login.cookies.find((c) => c.name === 'belong_session')?.value ?? ''}`;
      const change = await server.app.inject({
        method: 'PUT',
        url: '/api/v1/settings',
        headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
        payload: { orgDomains: ['example.org', 'example.net'], autonomy: 'active', quarantineRetentionDays: 7 },
      });
      expect(change.statusCode).toBe(200);
      await expect(send('ann@example.net')).resolves.toMatchObject({ accepted: ['ann@example.net'] });
      smtp.close();

      const held = await server.quarantine.hold({ id: 'retention-check', receivedAt: 1_000, envelope: { mailFrom: null, rcptTo: ['ann@example.org'], clientIp: null, helo: null }, verdictId: null }, Buffer.from('Subject: x\r\n\r\nx\r\n'));
      expect(held.expiresAt).toBe(1_000 + 7 * 86_400_000);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
