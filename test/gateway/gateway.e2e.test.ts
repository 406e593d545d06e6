import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { Mailbox, message, startGateway, until, type RunningGateway } from './harness.js';

const hasSwaks = spawnSync('swaks', ['--version']).status === 0;

let mailbox: Mailbox;
let running: RunningGateway | null = null;

async function setup(settings: Record<string, unknown> = {}, options: Parameters<typeof startGateway>[1] = {}): Promise<RunningGateway> {
  mailbox = new Mailbox();
  await mailbox.start();
  running = await startGateway({ relay: `127.0.0.1:${mailbox.port}`, ...settings }, options);
  return running;
}

afterEach(async () => {
  await running?.stop();
  running = null;
  await mailbox.stop();
});

function send(port: number, mail: { from: string; to: string | string[]; raw: string | Buffer }): Promise<unknown> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, tls: { rejectUnauthorized: false } });
  return transport.sendMail({ envelope: { from: mail.from, to: Array.isArray(mail.to) ? mail.to.join(', ') : mail.to }, raw: mail.raw }).finally(() => transport.close());
}

function header(raw: Buffer, name: string): string | null {
  const match = new RegExp(`^${name}: ([^\\r\\n]*)`, 'imu').exec(raw.toString('utf8'));
  return match?.[1] ?? null;
}

describe('gateway end to end', () => {
  it('receives over STARTTLS, spools, analyses and relays with the verdict headers', async () => {
    const gw = await setup();
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('first message') });
    await until(() => mailbox.delivered.length === 1);
    const delivered = mailbox.delivered[0];
    expect(delivered?.to).toEqual(['bob@example.org']);
    expect(delivered?.from).toBe('alice@sender.test');
    const raw = delivered?.raw ?? Buffer.alloc(0);
    expect(header(raw, 'X-Belong-Verdict-Id')).toMatch(/^v-/u);
    expect(header(raw, 'X-Belong-Score')).toMatch(/^\d+$/u);
    expect(header(raw, 'X-Belong-Tags')).not.toBeNull();
    expect(header(raw, 'X-Belong-Actions')).toMatch(/delivery=/u);
    // The original bytes follow the added headers unchanged.
    expect(raw.toString('utf8')).toContain(message('first message').replace(/\r\n$/u, ''));
    await until(() => readdirSync(path.join(gw.dataDir, 'spool')).length === 0);
  });

  it.skipIf(!hasSwaks)('accepts mail from swaks (a real client) with STARTTLS', async () => {
    const gw = await setup();
    // Asynchronously: the gateway runs in this process and must keep serving while swaks talks.
    const { stdout: output } = await promisify(execFile)('swaks', ['--server', `127.0.0.1:${gw.port}`, '--from', 'carol@sender.test', '--to', 'bob@example.org', '--tls', '--header', 'Subject: via swaks']);
    expect(output).toMatch(/250 Ok: queued as/u);
    await until(() => mailbox.delivered.length === 1);
    expect(header(mailbox.delivered[0]?.raw ?? Buffer.alloc(0), 'X-Belong-Verdict-Id')).toMatch(/^v-/u);
  });

  it('refuses foreign recipient domains with 550 (no open relay) but accepts subdomains of the org', async () => {
    const gw = await setup();
    await expect(send(gw.port, { from: 'alice@sender.test', to: 'eve@foreign.test', raw: message('relay attempt') })).rejects.toThrow(/550/u);
    await send(gw.port, { from: 'alice@sender.test', to: 'dan@mail.example.org', raw: message('subdomain') });
    await until(() => mailbox.delivered.length === 1);
  });

  it('keeps messages while the downstream is down and delivers them when it is back', async () => {
    const gw = await setup();
    const port = mailbox.port;
    await mailbox.stop();
    for (let i = 0; i < 3; i += 1) await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message(`while down ${i}`) });
    await until(async () => (await gw.gateway.metrics.relayFailures.get()).values.length > 0);
    await mailbox.start(port);
    await until(() => mailbox.delivered.length === 3);
  });

  it('bounces at once on a 5xx from downstream: a DSN to the envelope sender', async () => {
    const gw = await setup();
    mailbox.rcptReply = (address) => (address === 'gone@example.org' ? { code: 550, message: 'No such user' } : null);
    await send(gw.port, { from: 'alice@sender.test', to: 'gone@example.org', raw: message('to nobody') });
    await until(() => mailbox.delivered.length === 1);
    const dsn = mailbox.delivered[0];
    expect(dsn?.from).toBeNull();
    expect(dsn?.to).toEqual(['alice@sender.test']);
    expect(dsn?.raw.toString('utf8')).toMatch(/Final-Recipient: rfc822; gone@example.org/u);
  });

  it('bounces after the retry window when the downstream keeps deferring', async () => {
    const gw = await setup({ retryWindowMs: 300 });
    mailbox.rcptReply = (address) => (address === 'busy@example.org' ? { code: 451, message: 'Try later' } : null);
    await send(gw.port, { from: 'alice@sender.test', to: 'busy@example.org', raw: message('always deferred') });
    await until(() => mailbox.delivered.length === 1);
    expect(mailbox.delivered[0]?.raw.toString('utf8')).toMatch(/retry window expired/u);
  });

  it('answers 451 when the spool cannot be written, and accepts nothing', async () => {
    const gw = await setup();
    const spool = path.join(gw.dataDir, 'spool');
    rmSync(spool, { recursive: true });
    writeFileSync(spool, 'not a directory');
    await expect(send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('no disk') })).rejects.toThrow(/451/u);
    expect(mailbox.delivered).toHaveLength(0);
    rmSync(spool);
    mkdirSync(spool);
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('disk back') });
    await until(() => mailbox.delivered.length === 1);
  });

  it('journal mode analyses and records but never relays', async () => {
    mailbox = new Mailbox();
    await mailbox.start();
    running = await startGateway({ journal: true });
    const gw = running;
    await send(gw.port, { from: 'alice@sender.test', to: ['bob@example.org', 'dan@example.org'], raw: message('journaled copy') });
    await until(async () => (await gw.gateway.metrics.messages.get()).values.some((v) => v.labels.result === 'journaled' && v.value === 1));
    await until(() => readdirSync(path.join(gw.dataDir, 'spool')).length === 0);
    expect(mailbox.delivered).toHaveLength(0);
  });

  it('delivers with X-Belong-Analysis: failed when analysis throws (never drops)', async () => {
    const gw = await setup({}, { analyseThrows: true });
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('analysis breaks') });
    await until(() => mailbox.delivered.length === 1);
    expect(header(mailbox.delivered[0]?.raw ?? Buffer.alloc(0), 'X-Belong-Analysis')).toBe('failed');
  });

  it('holds instead when configured to, keeping the message in the spool', async () => {
    const gw = await setup({ onAnalysisFailure: 'hold' }, { analyseThrows: true });
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('held on failure') });
    await until(async () => (await gw.gateway.metrics.messages.get()).values.some((v) => v.labels.result === 'held'));
    expect(readdirSync(path.join(gw.dataDir, 'spool')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    expect(mailbox.delivered).toHaveLength(0);
  });

  it('strips X-Belong headers a sender tried to forge', async () => {
    const gw = await setup();
    const forged = `X-Belong-Score: 0\r\nX-Belong-Verdict-Id: forged\r\n ${'continued'}\r\n${message('forged')}`;
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: forged });
    await until(() => mailbox.delivered.length === 1);
    const text = mailbox.delivered[0]?.raw.toString('utf8') ?? '';
    expect(text).not.toContain('X-Belong-Verdict-Id: forged');
    expect(text).not.toContain(' continued');
    expect(text.match(/^X-Belong-Verdict-Id:/gmu)).toHaveLength(1);
  });

  it('serves /metrics, /healthz and /readyz', async () => {
    const gw = await setup({ ops: '127.0.0.1:0' });
    const get = (route: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port: gw.opsPort ?? 0, path: route }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    await send(gw.port, { from: 'alice@sender.test', to: 'bob@example.org', raw: message('metrics') });
    await until(async () => (await gw.gateway.metrics.messages.get()).values.some((v) => v.labels.result === 'relayed'));
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    const metrics = await get('/metrics');
    expect(metrics.body).toMatch(/belong_gateway_messages_total\{result="relayed"\} 1/u);
    expect(metrics.body).toMatch(/belong_gateway_accept_seconds_bucket/u);
    expect(metrics.body).toMatch(/belong_gateway_queue_depth 0/u);
  });
});
