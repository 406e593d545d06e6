import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportAsAnalyst } from '../../engine/analyst-report.js';
import { principalOf } from '../auth/access.js';
import type { ApiContext } from '../context.js';
import { IdParams, errors } from '../schemas.js';

const ReportBody = z.object({ kind: z.enum(['phishing', 'safe']), reason: z.string().trim().max(1000).default('') });

export function reportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/messages/:id/report', {
    config: { access: 'analyst' },
    schema: {
      summary: "Report a message as phishing or safe: an analyst's judgement of an inbound, authenticated sender applies organisation-wide; always audit-logged",
      tags: ['messages'],
      params: IdParams,
      body: ReportBody,
      response: { 200: z.object({ ok: z.literal(true), kind: z.enum(['phishing', 'safe']), senderJudged: z.boolean(), notJudged: z.string().nullable() }), ...errors },
    },
  }, async (request, reply) => {
    const { kind, reason } = request.body;
    const outcome = await reportAsAnalyst({ store: ctx.store, verdictId: request.params.id, as: kind, actor: principalOf(request).actor, reason, at: ctx.now() });
    if (!outcome) return reply.code(404).send({ error: 'not_found', message: 'no such message' });
    return { ok: true as const, kind, senderJudged: outcome.senderJudged, notJudged: outcome.notJudged };
  });
}
