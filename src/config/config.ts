import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BelongError, ERROR_CODES } from '../errors.js';
import { defaultDbPath } from '../store/open-store.js';

/** Every setting, with its default. Flag > environment (BELONG_<NAME>) > config file > default. */
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/u, 'not a domain name');

export const ConfigSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    db: z.string().min(1).optional(),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//u, 'must start with postgres://')
      .optional(),
    orgDomains: z.array(domainName).default([]),
    /** authserv-ids (besides hosts under the org domains) whose Authentication-Results are trusted. */
    trustedAuthservIds: z.array(z.string().trim().toLowerCase().min(1)).default([]),
    /** Named groups (e.g. `executives`: [addresses]); learned groups add to these. Config file only. */
    groups: z.record(z.string().min(1), z.array(z.string().trim().toLowerCase().email())).default({}),
    /** VIP addresses; when empty, VIPs are learned from the mail graph. */
    vips: z.array(z.string().trim().toLowerCase().email()).default([]),
    /** Policy file (weights, tags, action thresholds); the built-in default when absent. */
    policy: z.string().min(1).optional(),
    /** AES-256 key (base64, 32 bytes) sealing quarantined mail; generated into <data-dir>/keys/quarantine.key when absent. */
    quarantineKey: z.string().min(1).optional(),
    /** Days a held message is kept before `belong quarantine expire` (and the gateway) removes it. */
    quarantineRetentionDays: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * Days the content of an analysed message (headers, text, HTML, links, attachment details)
     * is kept for the email page; then the hourly retention sweep (and `belong prune`) removes
     * it. The verdict (score, tags, narrative) stays: it is what the lists and metrics count.
     */
    messageRetentionDays: z.coerce.number().int().min(1).max(3650).default(30),
    /** Distinct recipients whose reports it takes before a sender is judged organisation-wide. */
    reportThreshold: z.coerce.number().int().min(2).max(1000).default(3),
    /**
     * passive: decide and record, change nothing (no rewrite, no hold; X-Belong-* headers only).
     * active: the gateway applies the plan (rewrites, holds). Passive by default so a new install
     * can be watched (`belong replay`) before it touches mail. See docs/rewriting.md.
     */
    autonomy: z.enum(['passive', 'active']).default('passive'),
    /** Per named group (from `groups`), overrides `autonomy`; when recipients' groups disagree, passive wins. Config file only. */
    autonomyByGroup: z.record(z.string().min(1), z.enum(['passive', 'active'])).default({}),
    /** Where belong's web server answers /l/<token> (locked links point here). */
    linkBaseUrl: z.string().url().default('http://127.0.0.1:8025'),
    /** HMAC key for link tokens (>= 16 chars); generated into the data dir at first use when absent. */
    linkSecret: z.string().min(16).optional(),
    /** ARC sealing of rewritten mail (rewriting breaks DKIM); off when absent. Config file only. */
    arcSeal: z.object({ signingDomain: domainName, selector: z.string().min(1), privateKeyFile: z.string().min(1) }).strict().optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema> & { readonly dbPath: string };

/** What the configuration says about the organisation (domains may still be inferred when empty). */
export function configuredOrg(config: Config): { domains: string[]; groups: Record<string, string[]>; vips: string[] } {
  return { domains: config.orgDomains, groups: config.groups, vips: config.vips };
}

/** Names as they appear in the environment and flags, for the layer merge. */
const ENV_NAMES: Readonly<Record<keyof z.input<typeof ConfigSchema>, string>> = {
  dataDir: 'BELONG_DATA_DIR',
  db: 'BELONG_DB',
  databaseUrl: 'BELONG_DATABASE_URL',
  orgDomains: 'BELONG_ORG_DOMAINS',
  trustedAuthservIds: 'BELONG_TRUSTED_AUTHSERV_IDS',
  policy: 'BELONG_POLICY',
  quarantineKey: 'BELONG_QUARANTINE_KEY',
  quarantineRetentionDays: 'BELONG_QUARANTINE_RETENTION_DAYS',
  messageRetentionDays: 'BELONG_MESSAGE_RETENTION_DAYS',
  reportThreshold: 'BELONG_REPORT_THRESHOLD',
  groups: 'BELONG_GROUPS',
  vips: 'BELONG_VIPS',
  autonomy: 'BELONG_AUTONOMY',
  autonomyByGroup: 'BELONG_AUTONOMY_BY_GROUP',
  linkBaseUrl: 'BELONG_LINK_BASE_URL',
  linkSecret: 'BELONG_LINK_SECRET',
  arcSeal: 'BELONG_ARC_SEAL',
};
const LIST_SETTINGS = new Set(['orgDomains', 'trustedAuthservIds', 'vips']);
/** Settings whose environment value is JSON (a record does not fit in a comma list). */
const JSON_SETTINGS = new Set(['groups', 'autonomyByGroup', 'arcSeal']);

export type RawSettings = Partial<Record<keyof typeof ENV_NAMES, unknown>>;

function fromEnvironment(env: NodeJS.ProcessEnv): RawSettings {
  const out: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(ENV_NAMES)) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    if (JSON_SETTINGS.has(name)) {
      try {
        out[name] = JSON.parse(value);
      } catch {
        out[name] = value; // the schema then reports it as the wrong type, with the other problems
      }
      continue;
    }
    out[name] = LIST_SETTINGS.has(name) ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
  }
  return out;
}

function fromFile(file: string | undefined): { settings: RawSettings; base: string } {
  const chosen = file ?? (existsSync('belong.config.json') ? 'belong.config.json' : undefined);
  if (!chosen) return { settings: {}, base: process.cwd() };
  let text: string;
  try {
    text = readFileSync(chosen, 'utf8');
  } catch (error) {
    throw new BelongError(ERROR_CODES.CONFIG, `cannot read config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, chosen);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return { settings: parsed as RawSettings, base: path.dirname(path.resolve(chosen)) };
  } catch (error) {
    throw new BelongError(ERROR_CODES.CONFIG, `config file is not a JSON object: ${(error as Error).message}`, chosen);
  }
}

function withoutUndefined(settings: RawSettings): RawSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

/**
 * Resolve the configuration from all layers and validate it once, listing every problem
 * (a bad config is refused at start-up, not discovered halfway through a run).
 */
export function loadConfig(options: { flags?: RawSettings; env?: NodeJS.ProcessEnv; configFile?: string } = {}): Config {
  const file = fromFile(options.configFile ?? options.env?.BELONG_CONFIG ?? undefined);
  const merged = { ...file.settings, ...withoutUndefined(fromEnvironment(options.env ?? process.env)), ...withoutUndefined(options.flags ?? {}) };
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(config)';
      return `  - ${where}: ${issue.message}`;
    });
    throw new BelongError(ERROR_CODES.CONFIG, `invalid configuration:\n${problems.join('\n')}`);
  }
  const config = result.data;
  return { ...config, dbPath: config.db ?? defaultDbPath(config.dataDir) };
}
