import type { Command } from 'commander';
import { configuredOrg } from '../config/config.js';
import type { Verdict } from '../core/verdict.js';
import { loadAndRead, ReplayClock } from '../engine/batch.js';
import { Engine } from '../engine/engine.js';
import { describeOrg, resolveOrg } from '../engine/org-setup.js';
import { collectMessages } from '../sources/collect.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { exitCodeFor, Reporter } from './reporter.js';
import { formatNarrativeLines, formatVerdictRow, VERDICT_TABLE_HEADER } from './table.js';
import { verdictLine } from './verdict-json.js';

interface ScanFlags extends CommonFlags {
  json?: boolean;
  at?: 'message' | 'now';
}

export function registerScan(program: Command): void {
  withCommonOptions(
    program
      .command('scan')
      .description('score each message against what was learned, without learning from it')
      .argument('<paths...>', 'files or directories to scan')
      .option('--json', 'one verdict object per line (see docs/verdict-json.md)')
      .option('--at <when>', "judge each message at its own Date ('message', for replaying old mail) or at the current time ('now')", 'message'),
  ).action(async (paths: string[], flags: ScanFlags) => {
    process.exitCode = await scanCommand(paths, flags);
  });
}

export async function scanCommand(paths: readonly string[], flags: ScanFlags): Promise<number> {
  const reporter = new Reporter();
  const { config, policy, store } = await openContext(flags);
  try {
    const { items, problems } = await collectMessages(paths, { order: 'given' });
    reporter.sourceProblems(problems);
    const resolved = await resolveOrg(configuredOrg(config), store, async () => []);
    reporter.info(describeOrg(resolved));
    if ((await store.readProfiles([{ entity: 'org', id: '', feature: 'in', value: '' }])).size === 0) {
      reporter.info('note: nothing has been learned in this database yet; run `belong learn` first for meaningful scores');
    }
    const engine = new Engine({ store, org: resolved.org, policy, trustedAuthservIds: config.trustedAuthservIds, resolver: null });
    const clock = new ReplayClock(Date.now());
    if (!flags.json) process.stdout.write(`${VERDICT_TABLE_HEADER}\n`);
    let scanned = 0;
    for (const item of items) {
      const message = await loadAndRead(engine, item, { onProblem: (origin, text) => reporter.problem(origin, text) });
      if (!message) continue;
      const at = flags.at === 'now' ? Date.now() : clock.next(message);
      const verdict: Verdict = await engine.score(message, at);
      scanned += 1;
      process.stdout.write(`${flags.json ? verdictLine(item.origin, verdict) : formatVerdictRow(item.origin, verdict)}\n`);
      if (!flags.json) process.stdout.write(formatNarrativeLines(verdict));
    }
    reporter.info(`scanned ${scanned} of ${items.length} messages; ${reporter.problems} problems`);
    return exitCodeFor(scanned);
  } finally {
    await store.close();
  }
}
