import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { startDemo } from '../demo/run-demo.js';
import { parseListen } from './serve.js';
import { scaleOf, seedOf } from './simulate.js';
import { untilStopSignal } from './until-signal.js';

interface DemoFlags {
  dataDir?: string;
  listen: string;
  smtpListen: string;
  sinkListen: string;
  feed: boolean;
  rate: string;
  duration?: string;
  seed: string;
  scale: string;
  progressEvery: string;
  policy?: string;
}

function positive(value: string, name: string): number {
  const parsed = Number(value);
  if (!(Number.isFinite(parsed) && parsed > 0)) throw new BelongError(ERROR_CODES.USAGE, `${name} must be a positive number, got ${JSON.stringify(value)}`);
  return parsed;
}

/**
 * `belong demo`: the main job on one machine. A simulated organisation (corvid-labs.example) is
 * learned and its last weeks scored into a fresh SQLite store in <data-dir>/demo, then the SMTP
 * gateway (autonomy active) and the dashboard run in one process while its mail is fed through
 * the real SMTP port to a mailbox on loopback. Runs until Ctrl-C (or --duration).
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('the main job: a simulated organisation learned, its mail fed live through the SMTP gateway, the dashboard on http://127.0.0.1:8080/')
    .option('--data-dir <dir>', 'data directory; the demo works in <data-dir>/demo, emptied at every start [BELONG_DATA_DIR] (default ./data)')
    .option('--listen <host:port>', 'dashboard and API', '127.0.0.1:8080')
    .option('--smtp-listen <host:port>', 'the SMTP gateway', '127.0.0.1:2525')
    .option('--sink-listen <host:port>', 'the downstream mailbox the gateway relays to (port 0: any free port)', '127.0.0.1:0')
    .option('--no-feed', 'do not feed mail through SMTP (history and servers only)')
    .option('--rate <n>', 'messages a second fed through SMTP', '3')
    .option('--duration <seconds>', 'stop by itself after this long')
    .option('--seed <n>', 'the simulation seed', '1')
    .option('--scale <scale>', 'small (~500 messages, quicker) or default (~5,000)', 'default')
    .option('--progress-every <n>', 'a progress line per this many messages fed', '25')
    .option('--policy <file>', 'policy file (weights, tags, action thresholds)')
    .action(async (flags: DemoFlags) => {
      process.exitCode = await demoCommand(flags);
    });
}

export async function demoCommand(flags: DemoFlags): Promise<number> {
  const scale = scaleOf(flags.scale);
  const seed = seedOf(flags.seed);
  const options = {
    listen: parseListen(flags.listen),
    smtpListen: parseListen(flags.smtpListen),
    sinkListen: parseListen(flags.sinkListen),
    perSecond: positive(flags.rate, '--rate'),
    durationMs: flags.duration === undefined ? null : positive(flags.duration, '--duration') * 1000,
    progressEvery: Math.round(positive(flags.progressEvery, '--progress-every')),
  };
  // Only ever the demo's own sub-directory is emptied, never the data directory itself.
  const dataDir = path.resolve(flags.dataDir ?? process.env.BELONG_DATA_DIR ?? './data', 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let demo;
  try {
    demo = await startDemo({
      ...options,
      dataDir,
      feed: flags.feed,
      seed,
      scale,
      adminPassword: process.env.BELONG_ADMIN_PASSWORD || undefined,
      policyFile: flags.policy,
      write: (line) => process.stdout.write(line),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new BelongError(ERROR_CODES.USAGE, `a port is already in use (${(error as Error).message}); choose others with --listen and --smtp-listen (port 0 picks a free one)`);
    throw error;
  }
  await Promise.race([untilStopSignal(), demo.finished]);
  await demo.stop();
  return 0;
}
