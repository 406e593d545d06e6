import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchSchema, type ScratchSchema } from '../../src/store/postgres/scratch-schema.js';
import { canConnect, freePort, Mailbox, removeTempDirs, tempDir, until } from './harness.js';

/**
 * Issue #8: two gateway processes share one PostgreSQL model. A sender learned through one node
 * is known to the other at once.
 */
const BIN = path.resolve('bin/belong.js');
const built = existsSync(path.resolve('dist/cli/gateway.js'));

let schema: ScratchSchema;
const mailbox = new Mailbox();
const nodes: Array<{ child: ChildProcess; port: number }> = [];

async function startNode(databaseUrl: string): Promise<number> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, 'gateway', '--database-url', databaseUrl, '--data-dir', tempDir('belong-node-'), '--org-domain', 'example.org', '--listen', `127.0.0.1:${port}`, '--relay', `127.0.0.1:${mailbox.port}`, '--log-level', 'silent'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  nodes.push({ child, port });
  await until(() => canConnect(port), 50);
  return port;
}

async function send(port: number, from: string, n: number): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const messageId = `m${n}.${from.replace(/\W/gu, '')}@test`;
  const raw = [`From: ${from}`, 'To: bob@example.org', `Subject: note ${n}`, `Message-ID: <${messageId}>`, 'Date: Sat, 28 Nov 2026 10:00:00 +0000', '', 'Hello Bob.', ''].join('\r\n');
  await transport.sendMail({ envelope: { from, to: 'bob@example.org' }, raw });
  transport.close();
  return messageId;
}

/** Waits for the message to be delivered (analysed, learned, relayed) and returns its X-Belong-Tags. */
async function tagsOf(messageId: string): Promise<string> {
  let raw = '';
  await until(() => {
    raw = mailbox.delivered.map((d) => d.raw.toString('utf8')).find((text) => text.includes(`<${messageId}>`)) ?? '';
    return raw !== '';
  }, 25);
  return /^X-Belong-Tags: (.*)$/imu.exec(raw)?.[1]?.trim() ?? '';
}

beforeAll(async () => {
  schema = await createScratchSchema(undefined, 'belong_multinode');
  await mailbox.start();
});

/** Resolves when the child has exited, even if it already has (an 'exit' listener added late never fires). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

afterAll(async () => {
  try {
    // The data dirs go only after the gateway processes writing into them have exited.
    await Promise.all(
      nodes.splice(0).map(({ child }) => {
        const gone = exited(child);
        child.kill('SIGKILL');
        return gone;
      }),
    );
    await mailbox.stop();
    await schema?.drop();
  } finally {
    removeTempDirs();
  }
});

describe.skipIf(!built)('two gateway nodes, one PostgreSQL model (run `npm run build` first)', () => {
  it('a sender learned through one node is known to the other', async () => {
    const a = await startNode(schema.url);
    const b = await startNode(schema.url);
    // A baseline for Bob, learned through node A only.
    for (let i = 0; i < 30; i += 1) await tagsOf(await send(a, `peer${i % 5}@known.test`, i));

    const firstOnA = await tagsOf(await send(a, 'carol@fresh.test', 100));
    expect(firstOnA).toMatch(/First Contact/u);
    // Node B never saw Carol itself; it sees what node A learned.
    const secondOnB = await tagsOf(await send(b, 'carol@fresh.test', 101));
    expect(secondOnB).not.toMatch(/First Contact/u);
    // ...while a stranger is still a first contact on B.
    expect(await tagsOf(await send(b, 'dave@other.test', 102))).toMatch(/First Contact/u);
  }, 120_000);
});
