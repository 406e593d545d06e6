import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/access.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { ApiContext } from '../context.js';
import { IdParams, RoleSchema, UserSchema, errors } from '../schemas.js';
import { publicUser } from './users-view.js';

/** Printable and unambiguous: shown in the audit log and typed at login. */
const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/u, 'letters, digits and . _ @ - (at most 64)');

export function userRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/users', {
    config: { access: 'admin' },
    schema: { summary: 'All local accounts', tags: ['users'], response: { 200: z.object({ items: z.array(UserSchema) }), ...errors } },
  }, async () => ({ items: (await ctx.store.listUsers()).map(publicUser) }));

  api.post('/api/v1/users', {
    config: { access: 'admin' },
    schema: {
      summary: 'Create an account; without a password one is generated and returned once',
      tags: ['users'],
      body: z.object({ username: Username, role: RoleSchema, password: z.string().min(12).max(1000).optional() }),
      response: { 201: z.object({ user: UserSchema, password: z.string().nullable() }), ...errors },
    },
  }, async (request, reply) => {
    const generated = request.body.password ? null : generatePassword();
    const at = ctx.now();
    const user = { id: randomUUID(), username: request.body.username, role: request.body.role, passwordHash: await hashPassword(request.body.password ?? generated ?? ''), disabled: false, createdAt: at, updatedAt: at };
    if (!(await ctx.store.createUser(user))) return reply.code(409).send({ error: 'conflict', message: 'username taken' });
    await ctx.store.appendAudit({ at, actor: principalOf(request).actor, action: 'user.create', subject: user.username, detail: { role: user.role, id: user.id } });
    return reply.code(201).send({ user: publicUser(user), password: generated });
  });

  api.post('/api/v1/users/:id/role', {
    config: { access: 'admin' },
    schema: { summary: "Change an account's role (the last active admin cannot be demoted)", tags: ['users'], params: IdParams, body: z.object({ role: RoleSchema }), response: { 200: UserSchema, ...errors } },
  }, async (request, reply) => {
    const user = await ctx.store.getUser(request.params.id);
    if (!user) return reply.code(404).send({ error: 'not_found', message: 'no such user' });
    const { role } = request.body;
    if (user.role === role) return publicUser(user);
    if (user.role === 'admin' && !user.disabled) {
      const admins = (await ctx.store.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
      if (admins.length <= 1) return reply.code(409).send({ error: 'conflict', message: 'this is the last active admin; make someone else admin first' });
    }
    const updated = { ...user, role, updatedAt: ctx.now() };
    await ctx.store.updateUser(updated);
    await ctx.store.appendAudit({ at: updated.updatedAt, actor: principalOf(request).actor, action: 'user.role', subject: user.username, detail: { id: user.id, before: user.role, after: role } });
    return publicUser(updated);
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    api.post(`/api/v1/users/:id/${verb}`, {
      config: { access: 'admin' },
      schema: { summary: `${verb === 'disable' ? 'Disable an account (ends its sessions; its API tokens stop working)' : 'Enable an account again'}`, tags: ['users'], params: IdParams, response: { 200: UserSchema, ...errors } },
    }, async (request, reply) => {
      const principal = principalOf(request);
      const user = await ctx.store.getUser(request.params.id);
      if (!user) return reply.code(404).send({ error: 'not_found', message: 'no such user' });
      if (disabled && user.id === principal.user.id) return reply.code(409).send({ error: 'conflict', message: 'you cannot disable yourself' });
      const updated = { ...user, disabled, updatedAt: ctx.now() };
      await ctx.store.updateUser(updated);
      if (disabled) await ctx.store.deleteUserSessions(user.id);
      await ctx.store.appendAudit({ at: updated.updatedAt, actor: principal.actor, action: `user.${verb}`, subject: user.username, detail: { id: user.id } });
      return publicUser(updated);
    });
  }
}
