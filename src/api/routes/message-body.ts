import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { IdParams, errors } from '../schemas.js';
import { emailBodyDocument } from './message-body-html.js';

/**
 * The second and third walls around an email's HTML (the first is the sanitiser): no scripts,
 * no remote loads of any kind (images, fonts, styles, frames, prefetches), no forms, no <base>,
 * and `sandbox` so even a sanitiser bug cannot run script or reach this origin. Inline styles
 * and the message's own data: images are all it may use. Framable only by the dashboard.
 */
export const MESSAGE_BODY_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

export function messageBodyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/messages/:id/body', {
    config: { access: 'viewer' },
    schema: {
      summary: 'The message body as a text/html document for a sandboxed frame: the HTML sanitised, or the text body escaped in <pre>',
      tags: ['messages'],
      params: IdParams,
      // The 200 answer is text/html, sent as is (Fastify serialises only JSON content types).
      response: { 200: z.string().describe('a text/html document'), ...errors },
    },
  }, async (request, reply) => {
    const content = await ctx.store.getMessageContent(request.params.id);
    if (!content) {
      const known = (await ctx.store.getVerdict(request.params.id)) !== null;
      return reply.code(404).send({ error: 'not_found', message: known ? 'no body was stored for this message' : 'no such message' });
    }
    return reply
      .header('content-security-policy', MESSAGE_BODY_CSP)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('cross-origin-resource-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(emailBodyDocument(content));
  });
}
