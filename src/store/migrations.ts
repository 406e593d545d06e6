/**
 * Schema history, oldest first. A migration is never edited once released: fix forward with a
 * new version, because deployed databases have already recorded the old one as applied.
 *
 * The SQL sticks to the subset SQLite and PostgreSQL share so the Postgres backend can reuse it:
 * BIGINT for millisecond timestamps and counts (INTEGER is 32-bit in Postgres), DOUBLE PRECISION
 * for mass (it reaches ~1e31, far beyond REAL in Postgres), TEXT for JSON (Postgres may prefer
 * JSONB; the store only ever reads JSON back whole). The one SQLite-only clause is
 * `WITHOUT ROWID`, marked by SQLITE_ONLY so a port can strip it mechanically.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Clauses the Postgres port must remove from `sql` (they are optimisations, not semantics). */
export const SQLITE_ONLY = ['WITHOUT ROWID'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'profiles, verdicts, meta',
    sql: `
CREATE TABLE IF NOT EXISTS profiles (
  entity TEXT NOT NULL,
  id TEXT NOT NULL,
  feature TEXT NOT NULL,
  value TEXT NOT NULL,
  count BIGINT NOT NULL,
  mass DOUBLE PRECISION NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  PRIMARY KEY (entity, id, feature, value)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS verdicts (
  id TEXT PRIMARY KEY,
  digest TEXT NOT NULL,
  message_id TEXT,
  analysed_at BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  tags TEXT NOT NULL,
  origin TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS verdicts_analysed_at ON verdicts (analysed_at);
CREATE INDEX IF NOT EXISTS verdicts_digest ON verdicts (digest);

CREATE TABLE IF NOT EXISTS meta (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
];

/** The DDL for the bookkeeping table itself; created before any migration runs. */
export const SCHEMA_MIGRATIONS_DDL = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/** Migrations not yet applied, in order. Throws if the list itself is malformed, so a bad edit fails every test. */
export function pendingMigrations(applied: ReadonlySet<number>, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migration versions must be increasing integers: ${m.version} after ${previous}`);
    }
    previous = m.version;
  }
  return migrations.filter((m) => !applied.has(m.version));
}

/**
 * A migration's SQL as PostgreSQL runs it: the SQLITE_ONLY clauses removed, nothing else
 * changed, so both backends apply one versioned list and cannot drift apart.
 */
export function postgresSql(migration: Migration): string {
  return SQLITE_ONLY.reduce((sql, clause) => sql.replaceAll(clause, ''), migration.sql);
}
