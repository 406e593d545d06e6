import type { Command } from 'commander';
import { digestOf, type DigestPeriod } from '../core/narrative/digest.js';
import type { Verdict } from '../core/verdict.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { mailDigest } from './digest-mail.js';

interface DigestFlags extends CommonFlags {
  period?: string;
  at?: string;
  json?: boolean;
  mailTo?: string[];
  mailFrom?: string;
  smtp?: string;
}

const PAGE = 500;
const DAY_MS = 86_400_000;

export function registerDigest(program: Command): void {
  withCommonOptions(
    program
      .command('digest')
      .description('a short plain-English digest of a day or week: what belong stopped, who was most targeted and why, new campaigns')
      .option('--period <period>', 'day or week', 'week')
      .option('--at <date>', 'end of the period (ISO 8601); default: the newest stored verdict, so replayed mail has a digest too')
      .option('--json', 'the digest as one JSON object')
      .option('--mail-to <address>', 'also email the digest to this address (repeatable)', (v: string, p: string[]) => [...p, v], [])
      .option('--mail-from <address>', 'sender of the emailed digest', 'belong@localhost')
      .option('--smtp <host:port>', 'MTA that delivers the emailed digest', '127.0.0.1:25'),
  ).action(async (flags: DigestFlags) => {
    process.exitCode = await digestCommand(flags);
  });
}

export async function digestCommand(flags: DigestFlags): Promise<number> {
  const period = flags.period ?? 'week';
  if (period !== 'day' && period !== 'week') throw new BelongError(ERROR_CODES.USAGE, `--period must be day or week, not ${period}`);
  const at = flags.at === undefined ? null : Date.parse(flags.at);
  if (at !== null && Number.isNaN(at)) throw new BelongError(ERROR_CODES.USAGE, `--at is not a date: ${flags.at}`);
  const { store } = await openContext(flags);
  try {
    // Newest first: read pages until the period's start is passed.
    const verdicts: Verdict[] = [];
    let end = at;
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.listVerdicts({ limit: PAGE, offset });
      if (page.length === 0) break;
      end ??= page[0]!.verdict.analysedAt;
      const start = end - (period === 'day' ? DAY_MS : 7 * DAY_MS);
      verdicts.push(...page.map((p) => p.verdict));
      if (page[page.length - 1]!.verdict.analysedAt <= start) break;
    }
    const digest = digestOf(verdicts, period as DigestPeriod, end ?? 0);
    if (flags.json) process.stdout.write(`${JSON.stringify({ ...digest, from: new Date(digest.from).toISOString(), to: new Date(digest.to).toISOString() })}\n`);
    else process.stdout.write(`${digest.sentences.join('\n')}\n`);
    if (flags.mailTo && flags.mailTo.length > 0) {
      await mailDigest(digest, { to: flags.mailTo, from: flags.mailFrom ?? 'belong@localhost', smtp: flags.smtp ?? '127.0.0.1:25' });
      process.stderr.write(`digest sent to ${flags.mailTo.join(', ')}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
