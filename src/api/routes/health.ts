import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../context.js';

export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/health', {
    config: { access: 'public' },
    schema: { summary: 'Liveness: answers while the process serves and its store is open', tags: ['meta'], response: { 200: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) }) } },
  }, async () => ({ status: 'ok' as const, store: ctx.store.backend }));
}
