import type Database from 'better-sqlite3';
import { BelongError, ERROR_CODES } from '../../errors.js';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL, type Migration, pendingMigrations } from '../migrations.js';

/**
 * Applies pending migrations in one IMMEDIATE transaction: the write lock is taken before the
 * applied set is read, so two processes opening a fresh file at once cannot both apply version 1.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, now: () => number = Date.now): void {
  db.exec(SCHEMA_MIGRATIONS_DDL);
  const run = db.transaction(() => {
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>;
    const applied = new Set(rows.map((r) => r.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    // An older binary writing to a newer schema could silently corrupt it; refuse instead.
    if (newest > known) {
      throw new BelongError(ERROR_CODES.STORE, `database schema version ${newest} is newer than this belong supports (${known}); upgrade belong`, db.name);
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pendingMigrations(applied, migrations)) {
      db.exec(m.sql);
      record.run(m.version, m.name, now());
    }
  });
  run.immediate();
}
