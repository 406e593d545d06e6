import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import type { StoredVerdict } from '../store/store.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { summarise } from './replay-summary.js';

interface ReplayFlags extends CommonFlags {
  since?: string;
  rows: string;
  replan?: boolean;
  json?: boolean;
}

const PAGE = 500;

export function registerReplay(program: Command): void {
  withCommonOptions(
    program
      .command('replay')
      .description('show what active mode would have done over the stored verdicts (changes nothing)')
      .option('--since <date>', 'only verdicts analysed at or after this date (ISO 8601)')
      .option('--rows <n>', 'messages listed in the table (newest first)', '50')
      .option('--replan', "re-plan each stored verdict with the current policy's ladders instead of the stored plan")
      .option('--json', 'the summary as one JSON object'),
  ).action(async (flags: ReplayFlags) => {
    process.exitCode = await replayCommand(flags);
  });
}

function parseSince(value: string | undefined): number | null {
  if (value === undefined) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new BelongError(ERROR_CODES.USAGE, `--since: not a date: ${value}`);
  return at;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  return (flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`).padEnd(width);
}

export async function replayCommand(flags: ReplayFlags): Promise<number> {
  const since = parseSince(flags.since);
  const rows = Number(flags.rows);
  if (!Number.isInteger(rows) || rows < 0) throw new BelongError(ERROR_CODES.USAGE, '--rows must be a whole number');
  const { store, policy } = await openContext(flags);
  try {
    // Newest first: page until the verdicts are older than --since.
    const stored: StoredVerdict[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.listVerdicts({ limit: PAGE, offset });
      const kept = since === null ? page : page.filter((s) => s.verdict.analysedAt >= since);
      stored.push(...kept);
      if (page.length < PAGE || kept.length < page.length) break;
    }
    const summary = summarise(stored, flags.replan ? policy : null);
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ verdicts: summary.verdicts, counts: summary.counts, changed: summary.changed.map((c) => ({ verdictId: c.verdict.id, analysedAt: new Date(c.verdict.analysedAt).toISOString(), from: c.verdict.from, subject: c.verdict.subject, score: c.verdict.score, actions: { delivery: c.plan.delivery, links: c.plan.links, attachments: c.plan.attachments }, origin: c.origin })) })}\n`);
      return 0;
    }
    const out: string[] = [];
    out.push(`replay: ${summary.verdicts} stored verdicts${since === null ? '' : ` since ${new Date(since).toISOString()}`} (${flags.replan ? 're-planned with the current policy' : 'plans as recorded'}); active mode would change ${summary.changed.length}`);
    for (const area of ['delivery', 'links', 'attachments'] as const) {
      out.push(`  ${area.padEnd(12)} ${Object.entries(summary.counts[area]).map(([action, n]) => `${action} ${n}`).join(', ')}`);
    }
    if (summary.changed.length > 0 && rows > 0) {
      out.push('', `${'ANALYSED'.padEnd(20)}  ${'DELIVERY'.padEnd(8)}  ${'LINKS'.padEnd(11)}  ${'ATTACH'.padEnd(7)}  SCORE  ${'FROM'.padEnd(30)}  SUBJECT`);
      for (const { verdict, plan } of summary.changed.slice(0, rows)) {
        out.push(`${new Date(verdict.analysedAt).toISOString().slice(0, 19).padEnd(20)}  ${plan.delivery.padEnd(8)}  ${plan.links.padEnd(11)}  ${plan.attachments.padEnd(7)}  ${String(verdict.score).padStart(5)}  ${clip(verdict.from ?? '-', 30)}  ${clip(verdict.subject, 60).trimEnd()}`);
      }
      if (summary.changed.length > rows) out.push(`… ${summary.changed.length - rows} more (--rows)`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
