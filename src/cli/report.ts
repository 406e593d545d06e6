import type { Command } from 'commander';
import { reportMessage, type ReportKind } from '../engine/feedback.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';

interface ReportFlags extends CommonFlags {
  as?: string;
  verdict?: string;
  actor?: string;
}

/** `belong report --as phishing|safe --verdict ID --actor ADDRESS`: a recipient's feedback. */
export function registerReport(program: Command): void {
  withCommonOptions(
    program
      .command('report')
      .description("report an email as phishing or safe: affects the reporter's own relationship with the sender; org-wide after reportThreshold distinct recipients")
      .requiredOption('--as <kind>', 'phishing or safe')
      .requiredOption('--verdict <id>', 'the verdict id of the email (X-Belong-Verdict-Id)')
      .requiredOption('--actor <address>', 'the reporting recipient'),
  ).action(async (flags: ReportFlags) => {
    if (flags.as !== 'phishing' && flags.as !== 'safe') throw new BelongError(ERROR_CODES.USAGE, '--as must be phishing or safe');
    const kind: ReportKind = flags.as;
    const { config, store } = await openContext(flags);
    try {
      const outcome = await reportMessage({ store, verdictId: flags.verdict ?? '', as: kind, actor: flags.actor ?? '', at: Date.now(), threshold: config.reportThreshold });
      const where = outcome.scope === 'organisation' ? 'organisation-wide' : `for ${flags.actor} only`;
      process.stdout.write(`reported ${outcome.sender} as ${kind} ${where} (${outcome.agreeing} of ${config.reportThreshold} distinct recipients agree)\n`);
    } finally {
      await store.close();
    }
  });
}
