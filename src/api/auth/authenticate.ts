import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { type Principal, SAFE_METHODS, roleAllows } from './access.js';
import { TOKEN_PREFIX, csrfTokenFor, sameSecret, sha256Hex } from './secrets.js';

export const SESSION_COOKIE = 'belong_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves the session cookie or bearer token to a principal; null when neither is valid. */
async function resolvePrincipal(request: FastifyRequest, store: Store, now: number): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/iu.exec(header);
    const secret = match?.[1];
    if (!secret || !secret.startsWith(TOKEN_PREFIX)) return null;
    const token = await store.getApiTokenByHash(sha256Hex(secret));
    if (!token || token.revokedAt !== null) return null;
    const user = await store.getUser(token.userId);
    if (!user || user.disabled) return null;
    return { user, via: 'token', scope: token.scope, actor: `${user.username} (token ${token.name})`, sessionId: null };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const session = await store.getSession(sha256Hex(sessionId));
  if (!session) return null;
  if (session.expiresAt <= now) {
    await store.deleteSession(session.idHash);
    return null;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabled) return null;
  return { user, via: 'session', scope: 'write', actor: user.username, sessionId };
}

function refuse(reply: FastifyReply, status: 401 | 403, message: string): FastifyReply {
  return reply.code(status).send({ error: status === 401 ? 'unauthorized' : 'forbidden', message });
}

/**
 * The one gate every request passes (an onRequest hook, so it runs before body parsing).
 * Deny by default: a route that does not declare `config.access` answers 401/403 to everyone.
 */
export function authenticationHook(store: Store, now: () => number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    request.principal = null;
    const access = request.routeOptions.config.access;
    if (access === 'public') return undefined;
    const principal = await resolvePrincipal(request, store, now());
    if (!principal) return refuse(reply, 401, 'log in or send an API token');
    if (access === undefined) return refuse(reply, 403, 'route has no access rule');
    const safe = SAFE_METHODS.has(request.method);
    if (!safe && principal.via === 'token' && principal.scope !== 'write') return refuse(reply, 403, 'this API token is read-only');
    // Cookies ride along on cross-site requests; the CSRF header cannot (see docs/api.md).
    if (!safe && principal.via === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !principal.sessionId || !sameSecret(sent, csrfTokenFor(principal.sessionId))) return refuse(reply, 403, 'missing or wrong X-CSRF-Token header');
    }
    if (!roleAllows(principal.user.role, access)) return refuse(reply, 403, `needs the ${access} role`);
    request.principal = principal;
    return undefined;
  };
}
