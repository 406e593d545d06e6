import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseListen } from './serve.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
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
});
