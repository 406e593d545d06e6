import type { Command } from 'commander';
import { loadConfig, type Config, type RawSettings } from '../config/config.js';
import { loadPolicy } from '../config/policy-file.js';
import type { Policy } from '../core/policy.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** Options every command that touches the model accepts (DESIGN: command line conventions). */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file (JSON); default ./belong.config.json when present')
    .option('--data-dir <dir>', 'data directory [BELONG_DATA_DIR] (default ./data)')
    .option('--db <file>', 'SQLite database [BELONG_DB] (default <data-dir>/belong.db)')
    .option('--database-url <url>', 'postgres:// URL: use PostgreSQL instead [BELONG_DATABASE_URL]')
    .option('--org-domain <domain>', "the organisation's own domain (repeatable) [BELONG_ORG_DOMAINS]", collect, [])
    .option('--trusted-authserv-id <id>', 'trust Authentication-Results from this authserv-id (repeatable)', collect, [])
    .option('--policy <file>', 'policy file (weights, tags, action thresholds) [BELONG_POLICY]');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface CommonFlags {
  config?: string;
  dataDir?: string;
  db?: string;
  databaseUrl?: string;
  orgDomain?: string[];
  trustedAuthservId?: string[];
  policy?: string;
}

export interface CommandContext {
  readonly config: Config;
  readonly policy: Policy;
  readonly store: Store;
}

export function configFrom(flags: CommonFlags, overrides: RawSettings = {}): Config {
  return loadConfig({
    configFile: flags.config,
    flags: {
      dataDir: flags.dataDir,
      db: flags.db,
      databaseUrl: flags.databaseUrl,
      orgDomains: flags.orgDomain,
      trustedAuthservIds: flags.trustedAuthservId,
      policy: flags.policy,
      ...overrides,
    },
  });
}

/** Config, policy and store, all validated before any work starts. */
export async function openContext(flags: CommonFlags, overrides: RawSettings = {}): Promise<CommandContext> {
  const config = configFrom(flags, overrides);
  const policy = config.policy ? loadPolicy(config.policy) : loadPolicy();
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl ?? null });
  return { config, policy, store };
}
