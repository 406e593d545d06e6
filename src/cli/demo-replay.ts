import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Verdict } from '../core/verdict.js';
import { readManifest } from '../engine/eval/manifest.js';
import { formatReport } from '../engine/eval/report.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { configFrom, openContext, withCommonOptions, type CommonFlags } from './context.js';
import { replayWithProgress } from './eval.js';
import { manifestCommand } from './manifest.js';
import { Reporter } from './reporter.js';
import { formatNarrativeLines, formatVerdictRow, VERDICT_TABLE_HEADER } from './table.js';

/** The shared mailing-list corpus, beside the project checkout (see ../shared/corpora/README.md). */
const DEFAULT_CORPUS = fileURLToPath(new URL('../../../shared/corpora/lore_linux_watchdog/msgs', import.meta.url));
const SHOWN = 12;
/**
 * The list's own receiving MTA, which writes Authentication-Results on late-2023 messages. A
 * real deployment names its MTA the same way (--trusted-authserv-id); the demo does it for you.
 */
const DEMO_TRUSTED_AUTHSERV_IDS = ['smtp.subspace.kernel.org'];

interface DemoFlags extends CommonFlags {
  corpus: string;
  testFrom: string;
  testUntil: string;
}

/**
 * `belong demo-replay`: the command-line demo that came before the gateway and dashboard — learn
 * a real mailing list as if it were an organisation, score its later mail, print what stands out.
 */
export function registerDemoReplay(program: Command): void {
  withCommonOptions(
    program
      .command('demo-replay')
      .description('learn a real organisation\'s mail (a mailing list, 2022), then score its later mail (2023) and print what stands out')
      .option('--corpus <dir>', 'folder of mail to learn and score', DEFAULT_CORPUS)
      .option('--test-from <date>', 'learn before, score from this date', '2023-01-01')
      .option('--test-until <date>', 'stop scoring at this date', '2024-01-01'),
  ).action(async (flags: DemoFlags) => {
    process.exitCode = await demoReplayCommand(flags);
  });
}

export async function demoReplayCommand(flags: DemoFlags): Promise<number> {
  if (!existsSync(flags.corpus)) throw new BelongError(ERROR_CODES.PATH_NOT_FOUND, 'demo corpus not found (pass --corpus DIR)', flags.corpus);
  const reporter = new Reporter();
  const config = configFrom(flags);
  const workDir = path.join(config.dataDir, 'demo-replay');
  mkdirSync(workDir, { recursive: true });
  const manifestPath = path.join(workDir, 'manifest.jsonl');
  const dbPath = path.join(workDir, 'demo.db');
  // The demo always starts from an empty model, so every run shows the same thing.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  await manifestCommand([flags.corpus], { out: manifestPath, testFrom: flags.testFrom, testUntil: flags.testUntil, label: 'legit', kind: '', orgDomain: [] });
  const manifest = readManifest(manifestPath);
  const context = await openContext(flags, { db: dbPath });
  const verdicts: Array<{ origin: string; verdict: Verdict }> = [];
  try {
    const report = await replayWithProgress('demo', manifest, context, reporter, {
      trustedAuthservIds: config.trustedAuthservIds.length > 0 ? config.trustedAuthservIds : DEMO_TRUSTED_AUTHSERV_IDS,
      onVerdict: (entry, verdict) => verdicts.push({ origin: entry.file, verdict }),
    });
    const top = [...verdicts].sort((a, b) => b.verdict.score - a.verdict.score || a.origin.localeCompare(b.origin)).slice(0, SHOWN);
    process.stdout.write(`\nThe ${SHOWN} messages from ${flags.testFrom} on that belong least:\n${VERDICT_TABLE_HEADER}\n`);
    for (const { origin, verdict } of top) process.stdout.write(`${formatVerdictRow(origin, verdict)}\n${formatNarrativeLines(verdict)}`);
    process.stdout.write(`\n${formatReport(report)}\n\nmodel kept in ${dbPath}; try: node bin/belong.js scan --db ${dbPath} <file.eml>\n`);
    return 0;
  } finally {
    await context.store.close();
  }
}
