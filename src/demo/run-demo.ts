import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { generatePassword } from '../api/auth/password.js';
import type { Envelope } from '../core/message.js';
import { parseGatewayConfig } from '../gateway/gateway-config.js';
import type { Scale } from '../simulate/simulate.js';
import { startBelongServer, type BelongServer } from '../cli/serve-runtime.js';
import { feedItems, type DemoTimeline } from './demo-timeline.js';
import { prepareDemoOrganisation } from './demo-organisation.js';
import { feedMail, type OutgoingMail } from './mail-feeder.js';
import { MailSink } from './mail-sink.js';
import { redate } from './redate.js';
import { envelopeOf } from './seed-history.js';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

export interface DemoOptions {
  /** A directory the demo owns and starts empty (the caller wipes it). */
  readonly dataDir: string;
  readonly listen: HostPort;
  readonly smtpListen: HostPort;
  readonly sinkListen: HostPort;
  /** Feed mail through the SMTP port (false: only the history and the servers). */
  readonly feed: boolean;
  readonly perSecond: number;
  /** Stop by itself after this long (null: until stopped). */
  readonly durationMs: number | null;
  readonly seed: number;
  readonly scale: Scale;
  /** A progress line per this many messages fed. */
  readonly progressEvery: number;
  /** The admin's password; generated when absent. */
  readonly adminPassword?: string;
  readonly policyFile?: string;
  readonly write: (line: string) => void;
  readonly now?: () => number;
}

export interface RunningDemo {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly smtpPort: number;
  readonly sink: MailSink;
  readonly server: BelongServer;
  /** Messages the gateway has accepted from the feed so far. */
  fed(): number;
  /** Resolves once the demo has stopped (by `stop()` or at the end of its duration). */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/**
 * The main job, end to end on one machine: a simulated organisation with months of learned mail
 * and weeks of scored history, then the gateway (autonomy active) and the dashboard in one
 * process, a downstream mailbox on loopback, and its mail fed through the real SMTP port.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const now = options.now ?? Date.now;
  const started = now();
  const say = (line: string): void => options.write(`${line}\n`);
  say(`demo: simulating Corvid Labs (seed ${options.seed}, ${options.scale} scale) in ${options.dataDir}`);
  const organisation = await prepareDemoOrganisation({
    dataDir: options.dataDir,
    seed: options.seed,
    scale: options.scale,
    now: started,
    policyFile: options.policyFile,
    onSimulated: (sim, t) => {
      say(`demo: ${sim.messages.length} messages for ${sim.org.domain}: learning ${t.learn.length} (five months), scoring ${t.history.length} (the weeks up to today), feeding the rest live (${seconds(now() - started)})`);
    },
    onProgress: (phase, done, total) => say(`demo: ${phase === 'learn' ? 'learned' : 'scored'} ${done}/${total} (${seconds(now() - started)})`),
  });
  const { context, seeded } = organisation;
  say(`demo: history ready: ${seeded.scored} messages scored, ${seeded.held} held in the quarantine (${seconds(now() - started)})`);
  const password = options.adminPassword ?? generatePassword();
  const sink = new MailSink();
  let server: BelongServer;
  try {
    await sink.start(options.sinkListen.host, options.sinkListen.port);
    server = await startBelongServer({
      context,
      listen: options.listen,
      gateway: parseGatewayConfig({
        listen: hostPort(options.smtpListen),
        relay: `127.0.0.1:${sink.port}`,
        // The feeder stands for the organisation's own mail server: it may hand over outbound mail too.
        submitFrom: ['127.0.0.1', '::1'],
        hostname: 'belong-demo',
        retryInitialMs: 2_000,
        logLevel: 'warn',
      }),
      sessionTtlMs: 12 * 3_600_000,
      adminPassword: password,
      write: () => undefined, // the password is printed below, with everything else a newcomer needs
      logger: pino({ level: 'warn', base: { service: 'belong-gateway' } }),
    });
  } catch (error) {
    await sink.stop();
    await context.store.close();
    throw error;
  }
  const running = server;
  const smtpPort = running.gateway?.addresses.smtpPort ?? 0;
  say('');
  say(`  dashboard  ${running.url}/`);
  say(`  username   admin`);
  say(`  password   ${password}${options.adminPassword ? ' (from BELONG_ADMIN_PASSWORD)' : ''}`);
  say(`  SMTP       ${hostPort({ host: options.smtpListen.host, port: smtpPort })} (the gateway, autonomy active) relaying to a mailbox on 127.0.0.1:${sink.port}`);
  say(`  ready after ${seconds(now() - started)}${options.feed ? `; feeding ${options.perSecond} messages a second through SMTP` : ''}${options.durationMs !== null ? `; stopping after ${seconds(options.durationMs)}` : ''}; Ctrl-C stops`);
  say('');

  const abort = new AbortController();
  let fed = 0;
  const feeding = options.feed
    ? feedMail(liveMail(organisation.timeline, running), {
        host: options.smtpListen.host === '0.0.0.0' || options.smtpListen.host === '::' ? '127.0.0.1' : options.smtpListen.host,
        port: smtpPort,
        perSecond: options.perSecond,
        signal: abort.signal,
        onSent: (sent) => {
          fed = sent;
          if (sent % options.progressEvery === 0) void progress(running, sink, sent, now() - started).then(say);
        },
        onError: (error) => say(`demo: the gateway did not take a message: ${error.message}`),
      })
    : Promise.resolve(0);
  let stopping: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let markFinished: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (timer) clearTimeout(timer);
      abort.abort();
      await feeding;
      await running.close();
      await sink.stop();
      await context.store.close();
      const received = sink.received;
      say(`demo: stopped after ${seconds(now() - started)}: fed ${fed}, mailbox received ${received.delivered} (${received.rewritten} rewritten, ${received.released} released)`);
      markFinished();
    })();
    return stopping;
  };
  if (options.durationMs !== null) timer = setTimeout(() => void stop(), options.durationMs);
  return { url: running.url, username: 'admin', password, smtpPort, sink, server: running, fed: () => fed, finished, stop };
}

function hostPort({ host, port }: HostPort): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The live feed as SMTP transactions: each file re-dated for its pass, with a new Message-ID after the first. */
async function* liveMail(timeline: DemoTimeline, server: BelongServer): AsyncGenerator<OutgoingMail> {
  const known = new Map<string, { envelope: Envelope; messageId: string | null }>();
  for (const item of feedItems(timeline)) {
    const original = await readFile(item.message.file);
    let facts = known.get(item.message.file);
    if (!facts) {
      const message = await server.engine.read(original);
      facts = { envelope: envelopeOf(message), messageId: message.messageId };
      known.set(item.message.file, facts);
    }
    yield { envelope: facts.envelope, raw: redate(original, { shiftMs: item.shiftMs, messageId: item.pass > 0 ? freshMessageId(facts.messageId, item.pass) : undefined }) };
  }
}

/** The same Message-ID with the pass number added to its left side (its domain stays the sender's own). */
function freshMessageId(messageId: string | null, pass: number): string {
  const id = (messageId ?? '').replace(/^<|>$/gu, '');
  const at = id.lastIndexOf('@');
  if (at <= 0) return `${randomUUID()}.pass${pass}@demo.invalid`;
  return `${id.slice(0, at)}.pass${pass}@${id.slice(at + 1)}`;
}

/** One plain line: what went in, what the gateway did, what reached the mailbox. */
async function progress(server: BelongServer, sink: MailSink, fed: number, elapsedMs: number): Promise<string> {
  const results = new Map<string, number>();
  for (const value of (await server.gateway?.gateway.metrics.messages.get())?.values ?? []) results.set(String(value.labels.result), value.value);
  const received = sink.received;
  return `demo: fed ${fed} · gateway relayed ${results.get('relayed') ?? 0}, held ${results.get('held') ?? 0} · mailbox received ${received.delivered} (${received.rewritten} rewritten, ${received.released} released) · ${seconds(elapsedMs)}`;
}
