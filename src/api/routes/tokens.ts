import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiTokenRecord } from '../../store/accounts.js';
import { principalOf } from '../auth/access.js';
import { TOKEN_PREFIX, randomSecret, sha256Hex } from '../auth/secrets.js';
import type { ApiContext } from '../context.js';
import { IdParams, errors } from '../schemas.js';

const TokenSchema = z.object({ id: z.string(), userId: z.string(), name: z.string(), scope: z.enum(['read', 'write']), createdAt: z.number(), revokedAt: z.number().nullable() });

function view(t: ApiTokenRecord): z.infer<typeof TokenSchema> {
  return { id: t.id, userId: t.userId, name: t.name, scope: t.scope, createdAt: t.createdAt, revokedAt: t.revokedAt };
}

/** API tokens for automation: act as their user, limited to reading when scoped `read`. */
export function tokenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/tokens', {
    config: { access: 'viewer' },
    schema: { summary: "Your API tokens (an admin sees everyone's)", tags: ['tokens'], response: { 200: z.object({ items: z.array(TokenSchema) }), ...errors } },
  }, async (request) => {
    const p = principalOf(request);
    return { items: (await ctx.store.listApiTokens(p.user.role === 'admin' ? null : p.user.id)).map(view) };
  });

  api.post('/api/v1/tokens', {
    config: { access: 'viewer' },
    schema: {
      summary: 'Create a token for yourself; the secret is in this response only',
      tags: ['tokens'],
      body: z.object({ name: z.string().trim().regex(/^[\w .@-]{1,64}$/u), scope: z.enum(['read', 'write']) }),
      response: { 201: z.object({ token: TokenSchema, secret: z.string() }), ...errors },
    },
  }, async (request, reply) => {
    const p = principalOf(request);
    const secret = `${TOKEN_PREFIX}${randomSecret()}`;
    const token: ApiTokenRecord = { id: randomUUID(), userId: p.user.id, name: request.body.name, tokenHash: sha256Hex(secret), scope: request.body.scope, createdAt: ctx.now(), revokedAt: null };
    await ctx.store.createApiToken(token);
    await ctx.store.appendAudit({ at: token.createdAt, actor: p.actor, action: 'token.create', subject: token.id, detail: { name: token.name, scope: token.scope, user: p.user.username } });
    return reply.code(201).send({ token: view(token), secret });
  });

  api.post('/api/v1/tokens/:id/revoke', {
    config: { access: 'viewer' },
    schema: { summary: 'Revoke a token (yours, or any as admin)', tags: ['tokens'], params: IdParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
  }, async (request, reply) => {
    const p = principalOf(request);
    const mine = await ctx.store.listApiTokens(p.user.role === 'admin' ? null : p.user.id);
    const token = mine.find((t) => t.id === request.params.id);
    if (!token) return reply.code(404).send({ error: 'not_found', message: 'no such token' });
    if (!(await ctx.store.revokeApiToken(token.id, ctx.now()))) return reply.code(409).send({ error: 'conflict', message: 'already revoked' });
    await ctx.store.appendAudit({ at: ctx.now(), actor: p.actor, action: 'token.revoke', subject: token.id, detail: { name: token.name } });
    return { ok: true as const };
  });
}
