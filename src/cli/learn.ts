import type { Command } from 'commander';
import { configuredOrg } from '../config/config.js';
import type { Message } from '../core/message.js';
import { learnItems, loadAndRead } from '../engine/batch.js';
import { Engine } from '../engine/engine.js';
import { describeOrg, resolveOrg } from '../engine/org-setup.js';
import { collectMessages } from '../sources/collect.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { exitCodeFor, Reporter } from './reporter.js';

/** Messages read to infer the organisation's domains when none is configured. */
export const ORG_INFERENCE_SAMPLE = 500;

export function registerLearn(program: Command): void {
  withCommonOptions(
    program
      .command('learn')
      .description('learn the organisation\'s patterns of life from .eml files, directories, mbox files and Maildirs (in date order)')
      .argument('<paths...>', 'files or directories to learn from'),
  ).action(async (paths: string[], flags: CommonFlags) => {
    process.exitCode = await learnCommand(paths, flags);
  });
}

export async function learnCommand(paths: readonly string[], flags: CommonFlags): Promise<number> {
  const reporter = new Reporter();
  const { config, policy, store } = await openContext(flags);
  try {
    const { items, problems } = await collectMessages(paths, { order: 'date' });
    reporter.sourceProblems(problems);
    const resolved = await resolveOrg(configuredOrg(config), store, async () => {
      const probe = new Engine({ store, org: { domains: [] }, policy, trustedAuthservIds: [], resolver: null });
      const sample: Message[] = [];
      for (const item of items.slice(0, ORG_INFERENCE_SAMPLE)) {
        const message = await loadAndRead(probe, item, { onProblem: () => undefined });
        if (message) sample.push(message);
      }
      return sample;
    });
    reporter.info(describeOrg(resolved));
    const engine = new Engine({ store, org: resolved.org, policy, trustedAuthservIds: config.trustedAuthservIds, resolver: null });
    reporter.startProgress('learn', items.length);
    const learned = await learnItems(engine, items, Date.now(), {
      onProblem: (origin, message) => reporter.problem(origin, message),
      onMessage: () => reporter.tick(),
    });
    reporter.finishProgress();
    reporter.info(`learned ${learned} of ${items.length} messages into ${config.databaseUrl ? 'PostgreSQL' : config.dbPath}; ${reporter.problems} problems`);
    return exitCodeFor(learned);
  } finally {
    await store.close();
  }
}
