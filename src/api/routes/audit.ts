import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { PagingQuery, errors } from '../schemas.js';

const AuditSchema = z.object({ seq: z.number(), at: z.number(), actor: z.string(), action: z.string(), subject: z.string(), detail: z.record(z.string(), z.unknown()) });

export function auditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    config: { access: 'analyst' },
    schema: { summary: 'The append-only audit log, newest first', tags: ['audit'], querystring: PagingQuery, response: { 200: z.object({ items: z.array(AuditSchema) }), ...errors } },
  }, async (request) => ({ items: (await ctx.store.listAudit(request.query)).map((e) => ({ ...e, detail: { ...e.detail } })) }));
}
