/**
 * `npm run bench:gateway`: real mail from the corpora through the gateway to a sink on
 * loopback. Figures: accepted messages/s (clients see 250), end-to-end messages/s (until the
 * sink has all of them: analysis with SQLite included), and added latency from the end of DATA
 * to the 250 reply, p50/p99, measured by the client. The sink is Postfix's smtp-sink when
 * installed (another process, as in production), else an in-process smtp-server. The gateway
 * is `belong gateway` in its own process, as deployed, so the load generator's CPU is not
 * billed to it; relayed counts come from its /metrics.
 *
 * Options (env): BENCH_MESSAGES (default 2000), BENCH_CLIENTS (default 8).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';

const LORE = fileURLToPath(new URL('../../../shared/corpora/lore_linux_watchdog/msgs', import.meta.url));
const ENRON = fileURLToPath(new URL('../../../shared/corpora/enron/palimpzest/testdata', import.meta.url));
const TOTAL = Number(process.env.BENCH_MESSAGES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

function corpus(): Buffer[] {
  const read = (dir: string): Buffer[] => {
    try {
      return readdirSync(dir).sort().map((f) => readFileSync(path.join(dir, f)));
    } catch {
      return [];
    }
  };
  const all = [...read(LORE), ...read(ENRON)];
  if (all.length === 0) throw new Error('no corpus found under ../shared/corpora');
  return Array.from({ length: TOTAL }, (_, i) => all[i % all.length] as Buffer);
}

/** SMTP DATA encoding: CRLF line ends, dot-stuffing, terminator. */
function dataOf(raw: Buffer): Buffer {
  const text = raw.toString('latin1').replace(/\r?\n/gu, '\r\n').replace(/^\./gmu, '..');
  return Buffer.from(`${text.endsWith('\r\n') ? text : `${text}\r\n`}.\r\n`, 'latin1');
}

/** A minimal pipelining client: one connection, many transactions, timing DATA end → 250. */
class BenchClient {
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffer += d.toString('latin1');
      this.drain();
    });
  }
  static async open(port: number): Promise<BenchClient> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
    socket.setNoDelay(true);
    const client = new BenchClient(socket);
    await client.reply();
    await client.send('EHLO bench.test\r\n');
    return client;
  }
  private drain(): void {
    const match = /^(?:\d{3}-[^\n]*\n)*\d{3} [^\n]*\n/u.exec(this.buffer);
    if (match && this.waiting) {
      this.buffer = this.buffer.slice(match[0].length);
      const wake = this.waiting;
      this.waiting = null;
      wake(match[0]);
    }
  }
  reply(): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.drain();
    });
  }
  async send(data: string | Buffer): Promise<string> {
    this.socket.write(data);
    return this.reply();
  }
  /** Returns the added latency in ms, or null when the gateway did not answer 250. */
  async transaction(raw: Buffer): Promise<number | null> {
    for (const line of ['MAIL FROM:<sender@bench.test>\r\n', 'RCPT TO:<list@example.org>\r\n', 'DATA\r\n']) {
      const reply = await this.send(line);
      if (!/^[23]/u.test(reply)) return null;
    }
    const body = dataOf(raw);
    this.socket.write(body.subarray(0, body.length - 3));
    const started = performance.now();
    const reply = await this.send(body.subarray(body.length - 3));
    return reply.startsWith('250') ? performance.now() - started : null;
  }
  close(): void {
    this.socket.destroy();
  }
}

interface Sink {
  readonly kind: string;
  readonly port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Completion is counted from the gateway's own relayed metric, so the sink only has to answer 250. */
async function startSink(): Promise<Sink> {
  const hasSmtpSink = spawnSync('sh', ['-c', 'command -v smtp-sink']).status === 0;
  if (hasSmtpSink) {
    const port = await freePort();
    const args = [...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), `127.0.0.1:${port}`, '256'];
    const child: ChildProcess = spawn('smtp-sink', args, { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { kind: 'postfix smtp-sink', port, stop: async () => void child.kill('SIGTERM') };
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onData: (stream, _s, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => cb());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as net.AddressInfo).port;
  return { kind: 'in-process smtp-server', port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const messages = corpus();
  const work = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-gw-'));
  const sink = await startSink();
  const [smtpPort, opsPort] = [await freePort(), await freePort()];
  const gateway = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../bin/belong.js', import.meta.url)), 'gateway', '--data-dir', work, '--org-domain', 'example.org', '--listen', `127.0.0.1:${smtpPort}`,
      '--relay', `127.0.0.1:${sink.port}`, '--ops', `127.0.0.1:${opsPort}`, '--log-level', 'silent', '--max-sessions-per-ip', '1000'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const relayed = async (): Promise<number> => {
    try {
      const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
      return [...text.matchAll(/^belong_gateway_messages_total\{result="(?:relayed|held)"\} (\d+)/gmu)].reduce((a, m) => a + Number(m[1]), 0);
    } catch {
      return -1;
    }
  };
  while ((await relayed()) < 0) await new Promise((resolve) => setTimeout(resolve, 50));

  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await BenchClient.open(smtpPort);
      while (next < messages.length) {
        const raw = messages[next++] as Buffer;
        const ms = await client.transaction(raw);
        if (ms === null) refused += 1;
        else latencies.push(ms);
      }
      client.close();
    }),
  );
  const acceptedSeconds = (performance.now() - started) / 1000;
  // Polled gently: every scrape costs the gateway CPU.
  while ((await relayed()) < latencies.length) await new Promise((resolve) => setTimeout(resolve, 250));
  const endToEndSeconds = (performance.now() - started) / 1000;
  const exited = new Promise((resolve) => gateway.once('exit', resolve));
  gateway.kill('SIGTERM');
  await exited;
  await sink.stop();
  rmSync(work, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const line = (label: string, value: string): void => void process.stdout.write(`${label.padEnd(38)} ${value}\n`);
  line('messages (corpus: lore + enron)', `${messages.length} sent by ${CLIENTS} clients, ${latencies.length} accepted, ${refused} refused`);
  line('sink', sink.kind);
  line('accepted (250) messages/s', (latencies.length / acceptedSeconds).toFixed(0));
  line('end to end (analysed + relayed) msg/s', (latencies.length / endToEndSeconds).toFixed(0));
  line('added latency DATA end → 250 p50', `${percentile(latencies, 50).toFixed(2)} ms`);
  line('added latency DATA end → 250 p99', `${percentile(latencies, 99).toFixed(2)} ms`);
  line('added latency max', `${(latencies[latencies.length - 1] ?? NaN).toFixed(2)} ms`);
}

await main();
