import { z } from 'zod';
import { BelongError, ERROR_CODES } from '../errors.js';
import { defaultDbPath } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { type Config, ConfigSchema } from './config.js';

/**
 * Settings an admin may change from the dashboard (PUT /api/v1/settings). They are kept in the
 * store (meta `settings.overrides`), not written back to the config file, so every process
 * sharing the store — `belong serve`, `belong gateway`, `belong demo` — starts from the same
 * values: each loads the overrides and lays them over its file/environment/flag config with
 * `loadEffectiveConfig`. An override replaces the whole setting (a list or the groups record),
 * never merges into it, so the layer is easy to reason about and idempotent.
 */
export const SETTINGS_OVERRIDES_META = 'settings.overrides';

export const EDITABLE_SETTING_KEYS = ['orgDomains', 'groups', 'vips', 'autonomy', 'quarantineRetentionDays', 'messageRetentionDays'] as const;
export type EditableSettingKey = (typeof EDITABLE_SETTING_KEYS)[number];

export type EditableSettings = Pick<Config, EditableSettingKey>;
export type SettingsOverrides = Partial<EditableSettings>;

/** Group names appear in URLs, filters and the audit log: printable, short. */
const GroupName = z.string().trim().regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u, 'group names are letters, digits, space . _ - (at most 64)');
const Email = z.string().trim().toLowerCase().email('not an email address');
const RetentionDays = z.number().int('a whole number of days').min(1, 'at least 1 day').max(3650, 'at most 3650 days');
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** The same rules as the config file (ConfigSchema), plus tidier group names; duplicates dropped. */
const OverridesSchema = z
  .object({
    orgDomains: ConfigSchema.shape.orgDomains.unwrap().transform(unique),
    groups: z.record(GroupName, z.array(Email).transform(unique)),
    vips: z.array(Email).transform(unique),
    autonomy: ConfigSchema.shape.autonomy.unwrap(),
    quarantineRetentionDays: RetentionDays,
    messageRetentionDays: RetentionDays,
  })
  .partial()
  .strict();

export type SettingsValidation = { readonly ok: true; readonly overrides: SettingsOverrides } | { readonly ok: false; readonly problems: string[] };

/** Checks a (partial) settings document, listing every problem as `where: what`. */
export function validateSettingsOverrides(input: unknown): SettingsValidation {
  const result = OverridesSchema.safeParse(input);
  if (result.success) return { ok: true, overrides: withoutUndefined(result.data) };
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: not an editable setting (editable: ${EDITABLE_SETTING_KEYS.join(', ')})`;
    return `${issue.path.length > 0 ? issue.path.join('.') : '(settings)'}: ${issue.message}`;
  });
  return { ok: false, problems };
}

function withoutUndefined(overrides: SettingsOverrides): SettingsOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as SettingsOverrides;
}

/** The overrides saved in the store ({} when none). A stored document that fails validation is refused, not half-applied. */
export async function loadSettingsOverrides(store: Store): Promise<SettingsOverrides> {
  const text = await store.getMeta(SETTINGS_OVERRIDES_META);
  if (text === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BelongError(ERROR_CODES.CONFIG, `stored settings (meta ${SETTINGS_OVERRIDES_META}) are not JSON`);
  }
  const result = validateSettingsOverrides(parsed);
  if (!result.ok) throw new BelongError(ERROR_CODES.CONFIG, `stored settings (meta ${SETTINGS_OVERRIDES_META}) are invalid:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
  return result.overrides;
}

export async function saveSettingsOverrides(store: Store, overrides: SettingsOverrides): Promise<void> {
  await store.setMeta(SETTINGS_OVERRIDES_META, JSON.stringify(withoutUndefined(overrides)));
}

/** The config with the overrides laid over it (each given setting replaced whole). */
export function applySettingsOverrides(config: Config, overrides: SettingsOverrides): Config {
  return { ...config, ...withoutUndefined(overrides) };
}

/** What starting processes call: their resolved config with the store's overrides applied. */
export async function loadEffectiveConfig(config: Config, store: Store): Promise<Config> {
  return applySettingsOverrides(config, await loadSettingsOverrides(store));
}

/** The editable part of a config, as GET /api/v1/settings shows it under `editable`. */
export function editableSettings(config: Config): EditableSettings {
  return {
    orgDomains: [...config.orgDomains],
    groups: Object.fromEntries(Object.entries(config.groups).map(([name, members]) => [name, [...members]])),
    vips: [...config.vips],
    autonomy: config.autonomy,
    quarantineRetentionDays: config.quarantineRetentionDays,
    messageRetentionDays: config.messageRetentionDays,
  };
}

/** The settings the overrides actually change, with their values before and after (for the audit log). */
export function settingsChanges(before: Config, after: Config): { before: Partial<EditableSettings>; after: Partial<EditableSettings> } {
  const a = editableSettings(before);
  const b = editableSettings(after);
  const changed = EDITABLE_SETTING_KEYS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return { before: Object.fromEntries(changed.map((k) => [k, a[k]])), after: Object.fromEntries(changed.map((k) => [k, b[k]])) };
}

/** A config of defaults only (for a server started without one, e.g. in tests). */
export function defaultConfig(): Config {
  const parsed = ConfigSchema.parse({});
  return { ...parsed, dbPath: parsed.db ?? defaultDbPath(parsed.dataDir) };
}
