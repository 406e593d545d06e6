import { Command, CommanderError } from 'commander';
import { BelongError, describeError, ERROR_CODES } from '../errors.js';
import { registerDemo } from './demo.js';
import { registerDemoReplay } from './demo-replay.js';
import { registerDigest } from './digest.js';
import { registerEval } from './eval.js';
import { registerGateway } from './gateway.js';
import { registerLearn } from './learn.js';
import { registerManifest } from './manifest.js';
import { registerLinks } from './links.js';
import { registerPrune } from './prune.js';
import { registerQuarantine } from './quarantine.js';
import { registerReport } from './report.js';
import { registerReplay } from './replay.js';
import { registerScan } from './scan.js';
import { registerServe } from './serve.js';
import { registerSimulate } from './simulate.js';

/** Exit codes: 0 success, 1 nothing could be read (see reporter.ts), 2 usage or config error. */
const USAGE_EXIT = 2;

function buildProgram(): Command {
  const program = new Command()
    .name('belong')
    .description('Self-learning email security: does this email belong here?')
    .exitOverride()
    .showHelpAfterError();
  registerLearn(program);
  registerScan(program);
  registerEval(program);
  registerManifest(program);
  registerDemo(program);
  registerDemoReplay(program);
  registerSimulate(program);
  registerGateway(program);
  registerQuarantine(program);
  registerPrune(program);
  registerReport(program);
  registerLinks(program);
  registerReplay(program);
  registerDigest(program);
  registerServe(program);
  return program;
}

/** Runs the CLI; user errors print one clear line (never a stack trace) and set the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT;
    if (error instanceof BelongError) {
      process.stderr.write(`belong: ${describeError(error)}\n`);
      return error.code === ERROR_CODES.CONFIG || error.code === ERROR_CODES.USAGE || error.code === ERROR_CODES.MANIFEST ? USAGE_EXIT : 1;
    }
    process.stderr.write(`belong: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
