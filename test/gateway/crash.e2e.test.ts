import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { canConnect, freePort, Mailbox, message, removeTempDirs, tempDir, until } from './harness.js';

const BIN = path.resolve('bin/belong.js');
const built = existsSync(path.resolve('dist/cli/gateway.js'));

const children: ChildProcess[] = [];
let mailbox: Mailbox | null = null;

afterEach(async () => {
  try {
    // The data dir goes only after every gateway process writing into it has exited.
    await Promise.all(
      children.splice(0).map((child) => {
        const gone = exited(child);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        return gone;
      }),
    );
    await mailbox?.stop();
  } finally {
    removeTempDirs();
  }
});

function startChild(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'gateway', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

/** Resolves when the child has exited, even if it already has (an 'exit' listener added late never fires). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function messageIdOf(raw: Buffer): string | null {
  return /^Message-ID: <([^>]+)>/imu.exec(raw.toString('utf8'))?.[1] ?? null;
}

describe.skipIf(!built)('gateway crash safety (run `npm run build` first)', () => {
  it('delivers every 250-acknowledged message after a kill -9 during sending', async () => {
    mailbox = new Mailbox();
    await mailbox.start();
    const port = await freePort();
    const dataDir = tempDir('belong-gw-crash-');
    const args = ['--data-dir', dataDir, '--org-domain', 'example.org', '--listen', `127.0.0.1:${port}`, '--relay', `127.0.0.1:${mailbox.port}`, '--retry-initial-ms', '50', '--retry-max-ms', '200', '--log-level', 'silent'];
    const first = startChild(args);
    await until(() => canConnect(port), 50);

    const acknowledged = new Set<string>();
    let attempted = 0;
    let killed = false;
    const sender = async (lane: number): Promise<void> => {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
      for (let i = 0; !killed; i += 1) {
        const subject = `crash lane${lane} n${i}`;
        attempted += 1;
        try {
          await transport.sendMail({ envelope: { from: 'alice@sender.test', to: 'bob@example.org' }, raw: message(subject) });
          acknowledged.add(subject.replace(/\W/gu, '') + '@sender.test');
        } catch {
          if (killed) break;
        }
      }
      transport.close();
    };
    const lanes = [0, 1, 2, 3].map((lane) => sender(lane));
    await until(() => acknowledged.size >= 40, 5);
    first.kill('SIGKILL');
    killed = true;
    await Promise.all(lanes);
    await exited(first);
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);

    const second = startChild(args);
    await until(() => {
      const seen = new Set(mailbox?.delivered.map((d) => messageIdOf(d.raw)));
      return [...acknowledged].every((id) => seen.has(id));
    }, 50);
    // Duplicates (at-least-once) carry the same verdict id.
    const verdicts = new Map<string, Set<string>>();
    for (const d of mailbox.delivered) {
      const id = messageIdOf(d.raw) ?? '';
      const verdict = /^X-Belong-(Verdict-Id|Analysis): (\S+)/imu.exec(d.raw.toString('utf8'))?.[2] ?? '';
      verdicts.set(id, (verdicts.get(id) ?? new Set()).add(verdict));
    }
    for (const set of verdicts.values()) expect(set.size).toBe(1);
    process.stderr.write(`crash test: ${attempted} attempted, ${acknowledged.size} acknowledged, ${mailbox.delivered.length} delivered\n`);
    const secondExited = exited(second);
    second.kill('SIGTERM');
    await secondExited;
  }, 120_000);
});
