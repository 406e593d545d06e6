import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { simulate, type Scale } from '../simulate/simulate.js';

interface SimulateFlags {
  out: string;
  seed: string;
  scale: string;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description("write a simulated organisation's mail stream (.eml files) with labelled attacks and an evaluation manifest; seeded and deterministic")
    .requiredOption('--out <dir>', 'directory to write (DIR/manifest.jsonl and DIR/mail/)')
    .option('--seed <n>', 'random seed (integer); the same seed writes identical files', '1')
    .option('--scale <scale>', 'small (~10%, for tests) or default (~4,000 learn + ~1,000 test messages)', 'default')
    .action((flags: SimulateFlags) => {
      process.exitCode = simulateCommand(flags);
    });
}

/** --seed as given on the command line (simulate, demo): a 32-bit unsigned integer. */
export function seedOf(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new BelongError(ERROR_CODES.USAGE, `--seed must be an integer from 0 to 4294967295, got ${JSON.stringify(text)}`, '--seed');
  return seed;
}

/** --scale as given on the command line (simulate, demo). */
export function scaleOf(text: string): Scale {
  if (text !== 'small' && text !== 'default') throw new BelongError(ERROR_CODES.USAGE, `--scale must be small or default, got ${JSON.stringify(text)}`, '--scale');
  return text;
}

export function simulateCommand(flags: SimulateFlags): number {
  const seed = seedOf(flags.seed);
  const summary = simulate({ out: flags.out, seed, scale: scaleOf(flags.scale) });
  const attacks = Object.values(summary.attacks).reduce((a, b) => a + b, 0);
  process.stderr.write(
    `simulated ${summary.org.name} (${summary.org.domain}): ${summary.learn} learn, ${summary.testLegit} legit test, ${attacks} attacks of ${Object.keys(summary.attacks).length} kinds\nwrote ${summary.manifest}\n`,
  );
  return 0;
}
