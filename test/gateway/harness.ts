import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadPolicy } from '../../src/config/policy-file.js';
import { Engine } from '../../src/engine/engine.js';
import { Gateway } from '../../src/gateway/gateway.js';
import { parseGatewayConfig, type GatewayConfigInput } from '../../src/gateway/gateway-config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** One message as the downstream "mailbox" server received it. */
export interface Delivered {
  readonly from: string | null;
  readonly to: string[];
  readonly raw: Buffer;
}

/** A second smtp-server in-process acting as the organisation's mail server (127.0.0.1 only). */
export class Mailbox {
  readonly delivered: Delivered[] = [];
  readonly connectionErrors: Error[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /** When it returns a reply, that RCPT is refused with it (e.g. 550 or 451). */
  rcptReply: (address: string) => { code: number; message: string } | null = () => null;

  async start(port = 0): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const reply = this.rcptReply(address.address);
        callback(reply ? Object.assign(new Error(reply.message), { responseCode: reply.code }) : null);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.delivered.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    const server = this.server;
    // A client vanishing mid-session (the crash test kills the gateway while it relays) is an
    // 'error' event on the server; unheard, it would be an uncaught exception in the test run.
    server.on('error', (error: Error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (server.server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const tempDirs = new Set<string>();

/** A fresh directory under the OS temp dir, removed by removeTempDirs() (or by the gateway's stop() for its own). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Removes one directory made by tempDir(); call it only once nothing (no child process) still writes there. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Removes every directory tempDir() made and not yet removed: for a test file's afterEach/afterAll. */
export function removeTempDirs(): void {
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

export interface RunningGateway {
  readonly gateway: Gateway;
  readonly port: number;
  readonly opsPort: number | null;
  readonly store: Store;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function startGateway(settings: GatewayConfigInput, options: { dataDir?: string; orgDomains?: string[]; analyseThrows?: boolean } = {}): Promise<RunningGateway> {
  const dataDir = options.dataDir ?? tempDir('belong-gw-');
  const store = await openStore({ dbPath: path.join(dataDir, 'belong.db'), databaseUrl: null });
  const engine = new Engine({ store, org: { domains: options.orgDomains ?? ['example.org'] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  if (options.analyseThrows) {
    engine.process = () => Promise.reject(new Error('analysis exploded'));
  }
  const config = parseGatewayConfig({ listen: '127.0.0.1:0', logLevel: 'silent', retryInitialMs: 50, retryMaxMs: 200, ...settings });
  const gateway = new Gateway({ config, engine, spoolDir: path.join(dataDir, 'spool'), dataDir, logger: pino({ level: 'silent' }) });
  const { smtpPort, opsPort } = await gateway.start();
  return {
    gateway,
    port: smtpPort,
    opsPort,
    store,
    dataDir,
    stop: async () => {
      try {
        await gateway.stop();
        await store.close();
      } finally {
        // A data dir the caller passed in is the caller's to remove.
        if (!options.dataDir) removeTempDir(dataDir);
      }
    },
  };
}

/** Polls until the condition holds (no timed assertion: the test's own timeout is the only limit). */
export async function until(condition: () => boolean | Promise<boolean>, intervalMs = 20): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

export function message(subject: string, extra = ''): string {
  return [
    'From: Alice <alice@sender.test>',
    'To: Bob <bob@example.org>',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/gu, '')}@sender.test>`,
    'Date: Sat, 28 Nov 2026 10:00:00 +0000',
    '',
    `Hello Bob, ${subject}.${extra}`,
    '',
  ].join('\r\n');
}

/**
 * A raw SMTP client over a socket: sends lines and reads replies, for inputs that polite
 * clients (nodemailer, swaks) refuse to produce.
 */
export class RawClient {
  private buffer = '';
  private waiters: Array<() => void> = [];
  closed = false;
  constructor(private readonly socket: net.Socket) {
    socket.on('data', (data: Buffer) => {
      this.buffer += data.toString('latin1');
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', () => {
      this.closed = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Next complete reply (all lines up to one with a space after the code). */
  async reply(): Promise<string> {
    for (;;) {
      const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\n/u.exec(this.buffer);
      if (match) {
        this.buffer = this.buffer.slice(match[0].length);
        return match[0];
      }
      if (this.closed) return '';
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  async command(line: string | Buffer): Promise<string> {
    this.write(typeof line === 'string' ? `${line}\r\n` : line);
    return this.reply();
  }

  end(): void {
    this.socket.destroy();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
