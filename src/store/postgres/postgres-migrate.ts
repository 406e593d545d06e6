import type pg from 'pg';
import { BelongError, ERROR_CODES } from '../../errors.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL, type Migration, pendingMigrations, postgresSql } from '../migrations.js';

/**
 * Applies pending migrations in one transaction holding a transaction-scoped advisory lock, so
 * two gateway nodes starting together on a fresh database cannot both apply version 1 (bare
 * CREATE TABLE IF NOT EXISTS still races in PostgreSQL: both see no table, one fails on the
 * catalogue's unique index). The lock is keyed by the current schema, so unrelated schemas in
 * one database (tests, several organisations) do not wait on each other. PostgreSQL DDL is
 * transactional, so a failed migration leaves nothing half applied.
 *
 * A migration that carries on without something optional (migration 6 without pg_trgm) says so
 * with RAISE WARNING; those warnings are passed to `warn`, one line each.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
  warn: (message: string) => void = () => {},
): Promise<void> {
  const client = await pool.connect();
  // NOTICEs (e.g. "already exists, skipping" from IF NOT EXISTS, SQLSTATE 42P07) are routine;
  // RAISE WARNING's SQLSTATE is class 01. The code, unlike the severity word, is not translated.
  const onNotice = (notice: { readonly code?: string | undefined; readonly message?: string | undefined }) => {
    if (notice.code?.startsWith('01')) warn(notice.message ?? '');
  };
  client.on('notice', onNotice);
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('belong.migrate:' || coalesce(current_schema(), '')))`);
      await client.query(SCHEMA_MIGRATIONS_DDL);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => Number(r.version)));
      const known = Math.max(0, ...migrations.map((m) => m.version));
      const newest = Math.max(0, ...applied);
      // An older binary writing to a newer schema could silently corrupt it; refuse instead.
      if (newest > known) {
        throw new BelongError(ERROR_CODES.STORE, `database schema version ${newest} is newer than this belong supports (${known}); upgrade belong`, 'database-url');
      }
      for (const m of pendingMigrations(applied, migrations)) {
        await client.query(postgresSql(m));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now()]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.off('notice', onNotice);
    client.release();
  }
}
