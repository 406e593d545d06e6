import path from 'node:path';
import type { Command } from 'commander';
import { configuredOrg } from '../config/config.js';
import { Engine } from '../engine/engine.js';
import { resolveOrg } from '../engine/org-setup.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { headerSection } from '../gateway/dsn.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import { deliverToSpool } from '../quarantine/released-spool.js';
import type { QuarantineEntry, QuarantineState, Store } from '../store/store.js';
import { openContext, withCommonOptions, type CommandContext, type CommonFlags } from './context.js';

interface QuarantineFlags extends CommonFlags {
  actor?: string;
  reason?: string;
  state?: string;
  limit?: string;
  json?: boolean;
  spoolDir?: string;
}

const STATES: readonly QuarantineState[] = ['held', 'released', 'deleted', 'expired', 'release_requested'];

function row(e: QuarantineEntry): string {
  return [e.id, e.state.padEnd(17), new Date(e.receivedAt).toISOString(), e.sender ?? '-', e.recipients.join(','), e.verdictId].join('  ');
}

function required(value: string | undefined, name: string): string {
  if (!value || !value.trim()) throw new BelongError(ERROR_CODES.USAGE, `--${name} is required`);
  return value.trim();
}

/** Opens config, store and quarantine, runs `work`, always closes the store. */
async function withQuarantine(flags: QuarantineFlags, work: (q: Quarantine, context: CommandContext) => Promise<void>): Promise<void> {
  const context = await openContext(flags);
  try {
    await work(await openQuarantine(context.config, context.store), context);
  } finally {
    await context.store.close();
  }
}

async function engineFor(context: CommandContext, store: Store): Promise<Engine> {
  const resolved = await resolveOrg(configuredOrg(context.config), store, async () => []);
  return new Engine({ store, org: resolved.org, policy: context.policy, trustedAuthservIds: context.config.trustedAuthservIds, resolver: null });
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/**
 * `belong quarantine list|show|release|delete|request-release|expire`. Release writes the
 * original into `<spool>/released/`, which a running gateway picks up within seconds (or the
 * next one at start) and relays untouched; see docs/quarantine.md.
 */
export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('held mail: list, inspect, release (re-deliver the original), delete, expire');
  const sub = (name: string, description: string) => withCommonOptions(quarantine.command(name).description(description));

  sub('list', 'list quarantined messages, newest first')
    .option('--state <state>', `only this state (${STATES.join(', ')})`)
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'one entry per line as JSON')
    .action(async (flags: QuarantineFlags) =>
      withQuarantine(flags, async (q) => {
        const state = flags.state as QuarantineState | undefined;
        if (state && !STATES.includes(state)) throw new BelongError(ERROR_CODES.USAGE, `--state must be one of ${STATES.join(', ')}`);
        const entries = await q.list({ limit: Number.parseInt(flags.limit ?? '100', 10) || 100, state });
        for (const e of entries) print(flags.json ? JSON.stringify(e) : row(e));
      }),
    );

  sub('show', 'one message: index entry, why it was held, its headers (never its body), link clicks')
    .argument('<id>')
    .action(async (id: string, flags: QuarantineFlags) =>
      withQuarantine(flags, async (q, context) => {
        const entry = await q.get(id);
        if (!entry) throw new BelongError(ERROR_CODES.USAGE, 'no such quarantined message', id);
        const verdict = (await context.store.getVerdict(entry.verdictId))?.verdict;
        print(row(entry));
        if (verdict) print(`score ${verdict.score}; tags ${verdict.tags.join(', ') || '-'}\nreason: ${verdict.reason}`);
        if (entry.state === 'held' || entry.state === 'release_requested') print(`\n${headerSection(await q.read(id)).toString('utf8').trimEnd()}`);
        for (const click of await context.store.listClicks(entry.verdictId)) print(`click ${new Date(click.at).toISOString()} ${click.actor ?? '(unknown)'} ${click.outcome} ${click.url}`);
      }),
    );

  sub('release', 're-deliver the original (byte for byte) through the gateway, record who and why, and learn that it belongs')
    .argument('<id>')
    .requiredOption('--actor <name>', 'who releases it (recorded in the audit log)')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--spool-dir <dir>', "the gateway's spool directory (default <data-dir>/spool)")
    .action(async (id: string, flags: QuarantineFlags) =>
      withQuarantine(flags, async (q, context) => {
        const spoolDir = flags.spoolDir ?? path.join(context.config.dataDir, 'spool');
        const engine = await engineFor(context, context.store);
        await q.release(id, { actor: required(flags.actor, 'actor'), reason: required(flags.reason, 'reason'), deliver: deliverToSpool(spoolDir), engine });
        print(`released ${id}: queued in ${path.join(spoolDir, 'released')} for the gateway to relay`);
      }),
    );

  sub('delete', 'delete a held message for good (recorded in the audit log)')
    .argument('<id>')
    .requiredOption('--actor <name>', 'who deletes it')
    .option('--reason <text>', 'why', '')
    .action(async (id: string, flags: QuarantineFlags) =>
      withQuarantine(flags, async (q) => {
        await q.delete(id, required(flags.actor, 'actor'), flags.reason ?? '');
        print(`deleted ${id}`);
      }),
    );

  sub('request-release', "a recipient asks for a held message; an analyst approves with 'release'")
    .argument('<id>')
    .requiredOption('--actor <name>', 'who asks')
    .option('--reason <text>', 'why', '')
    .action(async (id: string, flags: QuarantineFlags) =>
      withQuarantine(flags, async (q) => {
        await q.requestRelease(id, required(flags.actor, 'actor'), flags.reason ?? '');
        print(`release of ${id} requested; an analyst can approve it with: belong quarantine release ${id} --actor NAME --reason TEXT`);
      }),
    );

  sub('expire', 'remove held messages past their retention (quarantineRetentionDays)').action(async (flags: QuarantineFlags) =>
    withQuarantine(flags, async (q) => {
      const expired = await q.expire();
      print(`expired ${expired.length} message${expired.length === 1 ? '' : 's'}`);
    }),
  );
}
