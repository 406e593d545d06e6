import type { Role, TokenScope, UserRecord } from '../../store/accounts.js';

/**
 * Who a request is from. Sessions act with the user's full role; an API token acts with its
 * user's role, limited to reading when its scope is `read`.
 */
export interface Principal {
  readonly user: UserRecord;
  readonly via: 'session' | 'token';
  readonly scope: TokenScope;
  /** The audit log's actor: the username, plus the token name when a token acted. */
  readonly actor: string;
  readonly sessionId: string | null;
}

/** What a route requires: `public` (health, login, docs) or at least this role. */
export type Access = 'public' | Role;

const RANK: Readonly<Record<Role, number>> = { viewer: 0, analyst: 1, admin: 2 };

export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route states it; a route without it is refused (see authenticate.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The principal of a route that required one (the hook has refused the request otherwise). */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error('route reached without a principal: access config missing?');
  return request.principal;
}
