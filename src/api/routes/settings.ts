import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';

/** Keys whose values are secrets: shown as set/unset only. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['quarantineKey', 'linkSecret', 'databaseUrl']);

export function redactedConfig(config: Config | null): Record<string, unknown> {
  if (!config) return {};
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, SECRET_KEYS.has(k) ? (v ? '(set)' : null) : v]));
}

export function settingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/settings', {
    config: { access: 'admin' },
    schema: { summary: 'The effective configuration (read-only for now; secrets redacted)', tags: ['settings'], response: { 200: z.object({ settings: z.record(z.string(), z.unknown()) }), ...errors } },
  }, async () => ({ settings: redactedConfig(ctx.config) }));
}
