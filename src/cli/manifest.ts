import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { collectMessages } from '../sources/collect.js';
import { exitCodeFor, Reporter } from './reporter.js';

interface ManifestFlags {
  out: string;
  testFrom: string;
  testUntil?: string;
  label: 'legit' | 'attack';
  kind: string;
  orgDomain: string[];
}

function parseDay(text: string, flag: string): number {
  const t = Date.parse(text);
  if (!Number.isFinite(t)) throw new BelongError(ERROR_CODES.USAGE, `${flag} is not a date: ${JSON.stringify(text)}`, flag);
  return t;
}

export function registerManifest(program: Command): void {
  program
    .command('manifest')
    .description('write an evaluation manifest from a folder of mail split by date: earlier mail is learned, later mail tested')
    .argument('<paths...>', 'files or directories (single-message files; mbox records are not addressable by path)')
    .requiredOption('--out <file>', 'manifest to write (paths are written relative to it)')
    .requiredOption('--test-from <date>', 'messages dated on or after this are test lines; earlier ones learn lines')
    .option('--test-until <date>', 'ignore messages dated on or after this')
    .option('--label <label>', 'label for every line (legit|attack)', 'legit')
    .option('--kind <kind>', 'attack kind for every line', '')
    .option('--org-domain <domain>', 'write an org line naming this domain (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .action(async (paths: string[], flags: ManifestFlags) => {
      process.exitCode = await manifestCommand(paths, flags);
    });
}

export async function manifestCommand(paths: readonly string[], flags: ManifestFlags): Promise<number> {
  const reporter = new Reporter();
  const testFrom = parseDay(flags.testFrom, '--test-from');
  const testUntil = flags.testUntil ? parseDay(flags.testUntil, '--test-until') : Infinity;
  const { items, problems } = await collectMessages(paths, { order: 'date' });
  reporter.sourceProblems(problems);
  const base = path.dirname(path.resolve(flags.out));
  const lines: string[] = [];
  if (flags.orgDomain.length > 0) lines.push(JSON.stringify({ org: { domains: flags.orgDomain } }));
  const counts = { learn: 0, test: 0, skipped: 0 };
  for (const item of items) {
    if (item.origin.includes('#') || item.date === null || item.date >= testUntil) {
      counts.skipped += 1;
      continue;
    }
    const phase = item.date >= testFrom ? 'test' : 'learn';
    counts[phase] += 1;
    lines.push(JSON.stringify({ path: path.relative(base, path.resolve(item.origin)), phase, label: flags.label, kind: flags.kind }));
  }
  writeFileSync(flags.out, `${lines.join('\n')}\n`);
  reporter.info(`wrote ${flags.out}: ${counts.learn} learn, ${counts.test} test, ${counts.skipped} skipped (undated, mbox records or past --test-until)`);
  return exitCodeFor(counts.learn + counts.test);
}
