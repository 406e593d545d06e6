import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QuarantineConflict, QuarantineNotFound } from '../../quarantine/quarantine.js';
import type { QuarantineEntry } from '../../store/store.js';
import { principalOf } from '../auth/access.js';
import type { ApiContext } from '../context.js';
import { IdParams, PagingQuery, errors } from '../schemas.js';

const STATES = ['held', 'released', 'deleted', 'expired', 'release_requested'] as const;

const HeldSchema = z.object({
  id: z.string(),
  verdictId: z.string(),
  messageId: z.string().nullable(),
  sender: z.string().nullable(),
  recipients: z.array(z.string()),
  receivedAt: z.number(),
  state: z.enum(STATES),
  expiresAt: z.number(),
  updatedAt: z.number(),
});

/** A queue row also says what the message is, so an analyst can triage without opening each one. */
const HeldRowSchema = HeldSchema.extend({ subject: z.string().nullable(), score: z.number().nullable(), headline: z.string().nullable(), tags: z.array(z.string()) });

function view(e: QuarantineEntry): z.infer<typeof HeldSchema> {
  return { id: e.id, verdictId: e.verdictId, messageId: e.messageId, sender: e.sender, recipients: [...e.recipients], receivedAt: e.receivedAt, state: e.state, expiresAt: e.expiresAt, updatedAt: e.updatedAt };
}

/** One page (at most 500 rows, 50 by default) of verdict reads, in parallel. */
async function rowsOf(ctx: ApiContext, entries: readonly QuarantineEntry[]): Promise<Array<z.infer<typeof HeldRowSchema>>> {
  const verdicts = await Promise.all(entries.map((e) => (e.verdictId === 'none' ? null : ctx.store.getVerdict(e.verdictId))));
  return entries.map((e, i) => {
    const v = verdicts[i]?.verdict;
    return { ...view(e), subject: v?.subject ?? null, score: v?.score ?? null, headline: v?.narrative.headline ?? null, tags: v ? [...v.tags] : [] };
  });
}

const Decision = z.object({ reason: z.string().trim().max(1000).default('') });

export function heldRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const unavailable = (reply: FastifyReply) => reply.code(503).send({ error: 'unavailable', message: 'this server runs without a quarantine' });

  /**
   * The quarantine checks the message exists and is still open, and lets only one decision win
   * (another node or analyst may decide at the same moment): the loser is answered 409.
   */
  async function decided(reply: FastifyReply, decide: () => Promise<QuarantineEntry>): Promise<z.infer<typeof HeldSchema> | FastifyReply> {
    try {
      return view(await decide());
    } catch (error) {
      if (error instanceof QuarantineNotFound) return reply.code(404).send({ error: 'not_found', message: 'no such held message' });
      if (error instanceof QuarantineConflict) return reply.code(409).send({ error: 'conflict', message: error.message });
      throw error;
    }
  }

  api.get('/api/v1/held', {
    config: { access: 'viewer' },
    schema: { summary: 'The quarantine queue, newest first', tags: ['held'], querystring: PagingQuery.extend({ state: z.enum(STATES).optional() }), response: { 200: z.object({ items: z.array(HeldRowSchema) }), ...errors } },
  }, async (request, reply) => {
    if (!ctx.quarantine) return unavailable(reply);
    const { limit, offset, state } = request.query;
    const items = await ctx.quarantine.list({ limit, offset, ...(state ? { state } : {}) });
    return { items: await rowsOf(ctx, items) };
  });

  api.get('/api/v1/held/:id', {
    config: { access: 'viewer' },
    schema: { summary: 'One held message (index entry; the message itself is under /messages/{verdictId})', tags: ['held'], params: IdParams, response: { 200: HeldSchema, ...errors } },
  }, async (request, reply) => {
    if (!ctx.quarantine) return unavailable(reply);
    const entry = await ctx.quarantine.get(request.params.id);
    return entry ? view(entry) : reply.code(404).send({ error: 'not_found', message: 'no such held message' });
  });

  api.post('/api/v1/held/:id/release', {
    config: { access: 'analyst' },
    schema: { summary: 'Deliver the original, record it in the audit log, and learn that it belongs', tags: ['held'], params: IdParams, body: Decision, response: { 200: HeldSchema, ...errors } },
  }, async (request, reply) => {
    const q = ctx.quarantine;
    if (!q) return unavailable(reply);
    return decided(reply, () => q.release(request.params.id, { actor: principalOf(request).actor, reason: request.body.reason, deliver: ctx.deliver, engine: ctx.engine }));
  });

  api.post('/api/v1/held/:id/delete', {
    config: { access: 'analyst' },
    schema: { summary: 'Delete a held message for good (audit-logged)', tags: ['held'], params: IdParams, body: Decision, response: { 200: HeldSchema, ...errors } },
  }, async (request, reply) => {
    const q = ctx.quarantine;
    if (!q) return unavailable(reply);
    return decided(reply, () => q.delete(request.params.id, principalOf(request).actor, request.body.reason));
  });

  api.post('/api/v1/held/:id/request-release', {
    config: { access: 'analyst' },
    schema: { summary: 'Record a release request for review (audit-logged; nothing is delivered)', tags: ['held'], params: IdParams, body: Decision, response: { 200: HeldSchema, ...errors } },
  }, async (request, reply) => {
    const q = ctx.quarantine;
    if (!q) return unavailable(reply);
    return decided(reply, () => q.requestRelease(request.params.id, principalOf(request).actor, request.body.reason));
  });
}
