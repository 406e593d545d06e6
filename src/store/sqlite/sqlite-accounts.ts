import type Database from 'better-sqlite3';
import { type ApiTokenRecord, type SessionRecord, type SessionRow, type TokenRow, type UserRecord, type UserRow, sessionFromRow, tokenColumns, tokenFromRow, userColumns, userFromRow } from '../accounts.js';

const USER_COLUMNS = 'id, username, role, password_hash, disabled, created_at, updated_at';
const TOKEN_COLUMNS = 'id, user_id, name, token_hash, scope, created_at, revoked_at';

/** Users, sessions and API tokens on SQLite (migration 3). */
export class SqliteAccounts {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      createUser: db.prepare<[string, string, string, string, number, number, number]>(`INSERT INTO users (${USER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      updateUser: db.prepare<[string, string, string, number, number, string]>('UPDATE users SET username = ?, role = ?, password_hash = ?, disabled = ?, updated_at = ? WHERE id = ?'),
      getUser: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`),
      getUserByName: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`),
      listUsers: db.prepare<[], UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`),
      createSession: db.prepare<[string, string, number, number]>('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      getSession: db.prepare<[string], SessionRow>('SELECT id_hash, user_id, created_at, expires_at FROM sessions WHERE id_hash = ?'),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
      deleteUserSessions: db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?'),
      createToken: db.prepare<[string, string, string, string, string, number, number | null]>(`INSERT INTO api_tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      getTokenByHash: db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ?`),
      listTokens: db.prepare<[string | null, string | null], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE (? IS NULL OR user_id = ?) ORDER BY created_at, id`),
      revokeToken: db.prepare<[number, string]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    };
  }

  createUser(user: UserRecord): boolean {
    return this.s.createUser.run(...userColumns(user)).changes === 1;
  }

  updateUser(user: UserRecord): void {
    this.s.updateUser.run(user.username, user.role, user.passwordHash, user.disabled ? 1 : 0, user.updatedAt, user.id);
  }

  getUser(id: string): UserRecord | null {
    const row = this.s.getUser.get(id);
    return row ? userFromRow(row) : null;
  }

  getUserByName(username: string): UserRecord | null {
    const row = this.s.getUserByName.get(username);
    return row ? userFromRow(row) : null;
  }

  listUsers(): UserRecord[] {
    return this.s.listUsers.all().map(userFromRow);
  }

  createSession(session: SessionRecord): void {
    this.s.createSession.run(session.idHash, session.userId, session.createdAt, session.expiresAt);
  }

  getSession(idHash: string): SessionRecord | null {
    const row = this.s.getSession.get(idHash);
    return row ? sessionFromRow(row) : null;
  }

  deleteSession(idHash: string): void {
    this.s.deleteSession.run(idHash);
  }

  deleteUserSessions(userId: string): void {
    this.s.deleteUserSessions.run(userId);
  }

  createApiToken(token: ApiTokenRecord): void {
    this.s.createToken.run(...tokenColumns(token));
  }

  getApiTokenByHash(tokenHash: string): ApiTokenRecord | null {
    const row = this.s.getTokenByHash.get(tokenHash);
    return row ? tokenFromRow(row) : null;
  }

  listApiTokens(userId: string | null): ApiTokenRecord[] {
    return this.s.listTokens.all(userId, userId).map(tokenFromRow);
  }

  revokeApiToken(id: string, at: number): boolean {
    return this.s.revokeToken.run(at, id).changes === 1;
  }
}
