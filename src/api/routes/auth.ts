import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/access.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password.js';
import { AttemptLimiter } from '../auth/rate-limit.js';
import { csrfTokenFor, randomSecret, sha256Hex } from '../auth/secrets.js';
import type { ApiContext } from '../context.js';
import { UserSchema, errors } from '../schemas.js';
import { publicUser } from './users-view.js';

const WINDOW_MS = 15 * 60_000;
/** Per client address: enough for a team behind one NAT, too few for guessing. */
const MAX_PER_IP = 30;
/** Per username, failures only: a locked-out user waits 15 minutes at most. */
const MAX_FAILURES_PER_USER = 5;

const MeSchema = z.object({ user: UserSchema, via: z.enum(['session', 'token']), scope: z.enum(['read', 'write']), csrfToken: z.string().nullable() });

export function authRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const byIp = new AttemptLimiter(MAX_PER_IP, WINDOW_MS, ctx.now);
  const byUser = new AttemptLimiter(MAX_FAILURES_PER_USER, WINDOW_MS, ctx.now);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      summary: 'Log in: sets the session cookie and returns the CSRF token for state-changing requests',
      tags: ['auth'],
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
      response: { 200: MeSchema, ...errors },
    },
  }, async (request, reply) => {
    const username = request.body.username.trim().toLowerCase();
    const wait = Math.max(byIp.retryAfter(request.ip), byUser.retryAfter(username));
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      return reply.code(429).send({ error: 'too_many_attempts', message: 'too many login attempts; try again later' });
    }
    byIp.hit(request.ip);
    const user = await ctx.store.getUserByName(username);
    // Always verify against something, so an unknown username takes as long as a wrong password.
    const ok = await verifyPassword(request.body.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || user.disabled) {
      byUser.hit(username);
      return reply.code(401).send({ error: 'unauthorized', message: 'wrong username or password' });
    }
    byUser.reset(username);
    const sessionId = randomSecret();
    const at = ctx.now();
    await ctx.store.createSession({ idHash: sha256Hex(sessionId), userId: user.id, createdAt: at, expiresAt: at + ctx.sessionTtlMs });
    reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.secureCookies, maxAge: Math.floor(ctx.sessionTtlMs / 1000) });
    return { user: publicUser(user), via: 'session' as const, scope: 'write' as const, csrfToken: csrfTokenFor(sessionId) };
  });

  api.post('/api/v1/auth/logout', {
    config: { access: 'viewer' },
    schema: { summary: 'End this session', tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }), ...errors } },
  }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.sessionId) await ctx.store.deleteSession(sha256Hex(principal.sessionId));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.post('/api/v1/auth/password', {
    config: { access: 'viewer' },
    schema: {
      summary: "Change your password (the current one is required); ends your other sessions",
      tags: ['auth'],
      body: z.object({ current: z.string().min(1).max(1000), next: z.string().min(12, 'at least 12 characters').max(1000) }),
      response: { 200: z.object({ ok: z.literal(true) }), ...errors },
    },
  }, async (request, reply) => {
    const p = principalOf(request);
    // Guessing the current password here is rate-limited like login, on the same per-user count.
    const wait = byUser.retryAfter(p.user.username);
    if (wait > 0) {
      reply.header('retry-after', Math.ceil(wait / 1000));
      return reply.code(429).send({ error: 'too_many_attempts', message: 'too many wrong passwords; try again later' });
    }
    if (!(await verifyPassword(request.body.current, p.user.passwordHash))) {
      byUser.hit(p.user.username);
      return reply.code(403).send({ error: 'forbidden', message: 'the current password is wrong' });
    }
    byUser.reset(p.user.username);
    const at = ctx.now();
    await ctx.store.updateUser({ ...p.user, passwordHash: await hashPassword(request.body.next), updatedAt: at });
    // Every other session ends (a stolen one included); this one is put back as it was.
    const own = p.sessionId ? await ctx.store.getSession(sha256Hex(p.sessionId)) : null;
    await ctx.store.deleteUserSessions(p.user.id);
    if (own) await ctx.store.createSession(own);
    await ctx.store.appendAudit({ at, actor: p.actor, action: 'user.password_change', subject: p.user.username, detail: { id: p.user.id } });
    return { ok: true as const };
  });

  api.get('/api/v1/auth/me', {
    config: { access: 'viewer' },
    schema: { summary: 'Who is logged in (and the CSRF token for this session)', tags: ['auth'], response: { 200: MeSchema, ...errors } },
  }, async (request) => {
    const p = principalOf(request);
    return { user: publicUser(p.user), via: p.via, scope: p.scope, csrfToken: p.sessionId ? csrfTokenFor(p.sessionId) : null };
  });
}
