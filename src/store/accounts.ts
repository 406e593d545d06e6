/**
 * Dashboard and API accounts: local users, their login sessions and API tokens. Secrets are
 * never stored: sessions and tokens are kept as SHA-256 hashes of random values, passwords as
 * argon2id hashes (src/api/auth/password.ts).
 */
export type Role = 'admin' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

export interface UserRecord {
  readonly id: string;
  /** Unique, lower case. */
  readonly username: string;
  readonly role: Role;
  /** argon2id PHC string. */
  readonly passwordHash: string;
  readonly disabled: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie value: a leaked database cannot be replayed as cookies. */
  readonly idHash: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export type TokenScope = 'read' | 'write';

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** SHA-256 (hex) of the bearer secret. */
  readonly tokenHash: string;
  readonly scope: TokenScope;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

export interface UserRow {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  disabled: number | boolean;
  created_at: number;
  updated_at: number;
}
export interface SessionRow {
  id_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}
export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: string;
  created_at: number;
  revoked_at: number | null;
}

export function userFromRow(r: UserRow): UserRecord {
  const role = ROLES.find((x) => x === r.role) ?? 'viewer';
  return { id: r.id, username: r.username, role, passwordHash: r.password_hash, disabled: Number(r.disabled) === 1, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at) };
}

export function sessionFromRow(r: SessionRow): SessionRecord {
  return { idHash: r.id_hash, userId: r.user_id, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) };
}

export function tokenFromRow(r: TokenRow): ApiTokenRecord {
  return { id: r.id, userId: r.user_id, name: r.name, tokenHash: r.token_hash, scope: r.scope === 'write' ? 'write' : 'read', createdAt: Number(r.created_at), revokedAt: r.revoked_at === null ? null : Number(r.revoked_at) };
}

/** Column values in insert order (disabled as 0/1: the one boolean spelling both backends share). */
export function userColumns(u: UserRecord): [string, string, string, string, number, number, number] {
  return [u.id, u.username, u.role, u.passwordHash, u.disabled ? 1 : 0, u.createdAt, u.updatedAt];
}

export function tokenColumns(t: ApiTokenRecord): [string, string, string, string, string, number, number | null] {
  return [t.id, t.userId, t.name, t.tokenHash, t.scope, t.createdAt, t.revokedAt];
}
