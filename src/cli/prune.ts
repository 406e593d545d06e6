import type { Command } from 'commander';
import { loadEffectiveConfig } from '../config/settings-overrides.js';
import { pruneExpiredContent } from '../retention/content-retention.js';
import { openContext, withCommonOptions, type CommandContext, type CommonFlags } from './context.js';

/** One prune by the retention in force (the dashboard's setting over the configuration); the line to print. */
export async function pruneOnce(context: CommandContext, now: number): Promise<string> {
  const retentionDays = (await loadEffectiveConfig(context.config, context.store)).messageRetentionDays;
  const { before, removed } = await pruneExpiredContent({ store: context.store, retentionDays, now });
  return `removed the content of ${removed} message${removed === 1 ? '' : 's'} analysed before ${new Date(before).toISOString()} (messageRetentionDays ${retentionDays}); their verdicts stay`;
}

/**
 * `belong prune`: message content retention on demand, as the running gateway and `belong
 * serve` do hourly. Held mail has its own: `belong quarantine expire`.
 */
export function registerPrune(program: Command): void {
  withCommonOptions(
    program
      .command('prune')
      .description('remove the content (headers, bodies, links, attachment details) of messages analysed more than messageRetentionDays ago; their verdicts stay'),
  ).action(async (flags: CommonFlags) => {
    const context = await openContext(flags);
    try {
      process.stdout.write(`${await pruneOnce(context, Date.now())}\n`);
    } finally {
      await context.store.close();
    }
  });
}
