import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { MailSink } from '../demo/mail-sink.js';
import { parseListen } from './serve.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];
const sinks: MailSink[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(sinks.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Resolves with the first stderr match of `pattern` (the child prints it once ready). */
function waitFor(child: ChildProcess, pattern: RegExp, seen: { text: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const m = pattern.exec(seen.text);
      if (m) resolve(m);
    };
    child.stderr?.on('data', check);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${seen.text}`)));
    check();
  });
}

describe('belong serve', () => {
  it('parses HOST:PORT and refuses anything else', () => {
    expect(parseListen('127.0.0.1:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(() => parseListen('8080')).toThrow();
    expect(() => parseListen('host:99999')).toThrow();
  });

  it('listens for real on 127.0.0.1, prints the first admin password once, and logs in with it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-serve-'));
    dirs.push(dir);
    const env = { ...process.env };
    delete env.BELONG_ADMIN_PASSWORD;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data-dir', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    const seen = { text: '' };
    child.stderr?.on('data', (chunk: Buffer) => {
      seen.text += chunk.toString();
    });
    const password = (await waitFor(child, /one-time password: (\S+)/u, seen))[1] ?? '';
    const port = (await waitFor(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/u, seen))[1];
    const base = `http://127.0.0.1:${port}`;
    expect(((await (await fetch(`${base}/api/v1/health`)).json()) as { status: string }).status).toBe('ok');
    expect((await fetch(`${base}/api/v1/messages`)).status).toBe(401);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('admin');
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);

  it('with --gateway runs the SMTP gateway in the same process: mail sent to its port is relayed and listed by the API', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-serve-gw-'));
    dirs.push(dir);
    const sink = new MailSink();
    sinks.push(sink);
    await sink.start();
    const env = { ...process.env, BELONG_ADMIN_PASSWORD: 'serve gateway test password' };
    const args = ['serve', '--gateway', '--listen', '127.0.0.1:0', '--smtp-listen', '127.0.0.1:0', '--relay', `127.0.0.1:${sink.port}`, '--org-domain', 'example.org', '--data-dir', dir, '--log-level', 'warn'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    const seen = { text: '' };
    child.stderr?.on('data', (chunk: Buffer) => {
      seen.text += chunk.toString();
    });
    const port = (await waitFor(child, /API listening on http:\/\/127\.0\.0\.1:(\d+)/u, seen))[1];
    const smtpPort = Number((await waitFor(child, /SMTP gateway listening on 127\.0\.0\.1:(\d+) \(relay to 127\.0\.0\.1:\d+\)/u, seen))[1]);
    const raw = Buffer.from('From: Ann <ann@partner.test>\r\nTo: bob@example.org\r\nSubject: one process\r\nDate: Mon, 06 Jan 2025 10:00:00 +0000\r\nMessage-ID: <one-process@partner.test>\r\n\r\nhello\r\n');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'ann@partner.test', to: 'bob@example.org' }, raw }).finally(() => transport.close());
    for (let i = 0; i < 200 && sink.received.delivered === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.received.delivered).toBe(1);

    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'serve gateway test password' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = (await (await fetch(`${base}/api/v1/messages`, { headers: { cookie } })).json()) as { items: Array<{ subject: string; recipients: string[] }> };
    expect(list.items.map((m) => m.subject)).toEqual(['one process']);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 60_000);

  it('refuses gateway flags without --gateway', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--relay', '127.0.0.1:25', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(text).toContain('relay only apply with --gateway');
  }, 60_000);
});
