import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import {
  applySettingsOverrides,
  defaultConfig,
  editableSettings,
  loadSettingsOverrides,
  saveSettingsOverrides,
  settingsChanges,
  validateSettingsOverrides,
} from '../../config/settings-overrides.js';
import { principalOf } from '../auth/access.js';
import type { ApiContext } from '../context.js';
import { ErrorSchema, errors } from '../schemas.js';

/** Keys whose values are secrets: shown as set/unset only. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['quarantineKey', 'linkSecret', 'databaseUrl']);

export function redactedConfig(config: Config | null): Record<string, unknown> {
  if (!config) return {};
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, SECRET_KEYS.has(k) ? (v ? '(set)' : null) : v]));
}

const EditableSchema = z.object({
  orgDomains: z.array(z.string()),
  groups: z.record(z.string(), z.array(z.string())),
  vips: z.array(z.string()),
  autonomy: z.enum(['passive', 'active']),
  quarantineRetentionDays: z.number(),
  messageRetentionDays: z.number(),
});

const SettingsAnswer = z.object({ settings: z.record(z.string(), z.unknown()), editable: EditableSchema });

/**
 * Documents the body in the OpenAPI document; the route attaches rather than sends its
 * validation error, so validateSettingsOverrides checks the body as sent and lists every problem.
 */
const SettingsPatch = EditableSchema.partial().strict().describe('any subset of `editable`');

export function settingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The live configuration: `belong serve` hands in its config with the stored overrides already
  // applied (loadEffectiveConfig); a change here replaces it and tells the server through the hook.
  let current: Config | null = ctx.config;
  const answer = () => ({ settings: redactedConfig(current), editable: editableSettings(current ?? defaultConfig()) });

  api.get('/api/v1/settings', {
    config: { access: 'admin' },
    schema: { summary: 'The effective configuration (secrets redacted) and the settings that can be changed here', tags: ['settings'], response: { 200: SettingsAnswer, ...errors } },
  }, async () => answer());

  api.put('/api/v1/settings', {
    config: { access: 'admin' },
    attachValidation: true,
    schema: {
      summary: 'Change organisation domains, groups, VIPs, autonomy, quarantine retention or message content retention: kept in the store, applied at once, audited',
      tags: ['settings'],
      body: SettingsPatch,
      response: { ...errors, 200: SettingsAnswer, 400: ErrorSchema.extend({ problems: z.array(z.string()) }) },
    },
  }, async (request, reply) => {
    const checked = validateSettingsOverrides(request.body);
    if (!checked.ok) return reply.code(400).send({ error: 'bad_request', message: `invalid settings: ${checked.problems.join('; ')}`, problems: checked.problems });
    const before = current ?? defaultConfig();
    const after = applySettingsOverrides(before, checked.overrides);
    const changes = settingsChanges(before, after);
    if (Object.keys(changes.after).length > 0) {
      await saveSettingsOverrides(ctx.store, { ...(await loadSettingsOverrides(ctx.store)), ...checked.overrides });
      current = after;
      await ctx.onSettingsChange?.(after);
      await ctx.store.appendAudit({ at: ctx.now(), actor: principalOf(request).actor, action: 'settings.change', subject: 'settings', detail: changes });
    }
    return answer();
  });
}
