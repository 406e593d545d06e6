import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { configuredOrg } from '../config/config.js';
import type { Verdict } from '../core/verdict.js';
import { readManifest, type Manifest, type ManifestEntry } from '../engine/eval/manifest.js';
import { formatReport, type EvalReport } from '../engine/eval/report.js';
import { runEval } from '../engine/eval/run-eval.js';
import { openContext, withCommonOptions, type CommandContext, type CommonFlags } from './context.js';
import { exitCodeFor, Reporter } from './reporter.js';
import { verdictLine } from './verdict-json.js';

interface EvalFlags extends CommonFlags {
  json?: boolean;
  verdicts?: string;
}

export function registerEval(program: Command): void {
  withCommonOptions(
    program
      .command('eval')
      .description('replay a labelled manifest (the evaluation contract): learn lines are learned, test lines scored then learned')
      .argument('<manifest>', 'MANIFEST.jsonl')
      .option('--json', 'print the report as JSON')
      .option('--verdicts <file>', 'write one verdict per scored message (JSON lines)'),
  ).action(async (manifest: string, flags: EvalFlags) => {
    process.exitCode = await evalCommand(manifest, flags);
  });
}

/**
 * Evaluation starts from an empty model so results depend only on the manifest: unless --db or
 * --database-url is given, it uses a throwaway database.
 */
export async function evalCommand(manifestPath: string, flags: EvalFlags, print: (report: EvalReport) => void = printReport(flags)): Promise<number> {
  const reporter = new Reporter();
  const manifest = readManifest(manifestPath);
  for (const p of manifest.problems) reporter.problem(`${manifestPath}:${p.line}`, p.message);
  const scratch = flags.db || flags.databaseUrl ? null : mkdtempSync(path.join(os.tmpdir(), 'belong-eval-'));
  const { config, policy, store } = await openContext(flags, scratch ? { db: path.join(scratch, 'eval.db') } : {});
  const verdictsOut = flags.verdicts ? createWriteStream(flags.verdicts) : null;
  try {
    const report = await replayWithProgress('eval', manifest, { config, policy, store }, reporter, {
      trustedAuthservIds: config.trustedAuthservIds,
      onVerdict: verdictsOut ? (entry, verdict) => verdictsOut.write(`${verdictLine(entry.path, verdict, { label: entry.label, kind: entry.kind })}\n`) : undefined,
    });
    print(report);
    return exitCodeFor(report.learned + report.scored);
  } finally {
    await store.close();
    if (verdictsOut) await new Promise((resolve) => verdictsOut.end(resolve));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** The evaluation replay as the CLI runs it: offline (no DNS), problems and progress on stderr. */
export async function replayWithProgress(
  label: string,
  manifest: Manifest,
  { config, policy, store }: CommandContext,
  reporter: Reporter,
  options: { trustedAuthservIds: readonly string[]; onVerdict?: (entry: ManifestEntry, verdict: Verdict) => void },
): Promise<EvalReport> {
  reporter.startProgress(label, manifest.entries.length);
  const report = await runEval(manifest, {
    store,
    policy,
    configuredOrg: configuredOrg(config),
    trustedAuthservIds: options.trustedAuthservIds,
    resolver: null,
    wallClock: Date.now(),
    hooks: { onProblem: (origin, message) => reporter.problem(origin, message), onMessage: () => reporter.tick() },
    onVerdict: options.onVerdict,
  });
  reporter.finishProgress();
  return report;
}

function printReport(flags: EvalFlags): (report: EvalReport) => void {
  return (report) => process.stdout.write(`${flags.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
}
