import { type ApiTokenRecord, type SessionRecord, type SessionRow, type TokenRow, type UserRecord, type UserRow, sessionFromRow, tokenColumns, tokenFromRow, userColumns, userFromRow } from '../accounts.js';
import type { RunQuery } from './postgres-records.js';

const USER_COLUMNS = 'id, username, role, password_hash, disabled, created_at, updated_at';
const TOKEN_COLUMNS = 'id, user_id, name, token_hash, scope, created_at, revoked_at';

/**
 * Users, sessions and API tokens on PostgreSQL (migration 3). Usernames and token names are
 * validated by the API (printable, no U+0000), so they need no text encoding here.
 */
export class PostgresAccounts {
  constructor(private readonly query: RunQuery) {}

  async createUser(user: UserRecord): Promise<boolean> {
    const result = await this.query('belong_create_user', `INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, userColumns(user));
    return result.rowCount === 1;
  }

  async updateUser(user: UserRecord): Promise<void> {
    await this.query('belong_update_user', 'UPDATE users SET username = $1, role = $2, password_hash = $3, disabled = $4, updated_at = $5 WHERE id = $6', [user.username, user.role, user.passwordHash, user.disabled ? 1 : 0, user.updatedAt, user.id]);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const { rows } = await this.query<UserRow>('belong_get_user', `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async getUserByName(username: string): Promise<UserRecord | null> {
    const { rows } = await this.query<UserRow>('belong_get_user_by_name', `SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    const { rows } = await this.query<UserRow>('belong_list_users', `SELECT ${USER_COLUMNS} FROM users ORDER BY username COLLATE "C"`, []);
    return rows.map(userFromRow);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.query('belong_create_session', 'INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [session.idHash, session.userId, session.createdAt, session.expiresAt]);
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.query<SessionRow>('belong_get_session', 'SELECT id_hash, user_id, created_at, expires_at FROM sessions WHERE id_hash = $1', [idHash]);
    return rows[0] ? sessionFromRow(rows[0]) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.query('belong_delete_session', 'DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.query('belong_delete_user_sessions', 'DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    await this.query('belong_create_token', `INSERT INTO api_tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, tokenColumns(token));
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const { rows } = await this.query<TokenRow>('belong_get_token', `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? tokenFromRow(rows[0]) : null;
  }

  async listApiTokens(userId: string | null): Promise<ApiTokenRecord[]> {
    const { rows } = await this.query<TokenRow>('belong_list_tokens', `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE ($1::text IS NULL OR user_id = $1) ORDER BY created_at, id COLLATE "C"`, [userId]);
    return rows.map(tokenFromRow);
  }

  async revokeApiToken(id: string, at: number): Promise<boolean> {
    const result = await this.query('belong_revoke_token', 'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return result.rowCount === 1;
  }
}
