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
  /** PostgreSQL's own text when the shared subset cannot say it (serial ids, triggers); else `sql` is ported. */
  readonly postgres?: string;
}

/** Clauses the Postgres port must remove from `sql` (they are optimisations, not semantics). */
export const SQLITE_ONLY = ['WITHOUT ROWID'] as const;

/** Migration 2's quarantine index, the same SQL on both backends (the audit log and clicks differ). */
const QUARANTINE_TABLE = `CREATE TABLE IF NOT EXISTS quarantine (
  id TEXT PRIMARY KEY,
  verdict_id TEXT NOT NULL,
  message_id TEXT,
  digest TEXT NOT NULL,
  sender TEXT,
  recipients TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_state ON quarantine (state, received_at);
CREATE INDEX IF NOT EXISTS quarantine_digest ON quarantine (digest);`;

/** Migration 3's tables and indexes, the same SQL on both backends (only the column back-fill differs). */
const ACCOUNTS_AND_VERDICT_INDEXES = `CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS verdicts_sender ON verdicts (sender, analysed_at);
CREATE INDEX IF NOT EXISTS verdicts_delivery ON verdicts (delivery, analysed_at);
CREATE INDEX IF NOT EXISTS verdicts_score ON verdicts (score);`;

/**
 * Migration 4's tables and indexes: message content for the email page, saved dashboards,
 * sealed quarantine bytes (shared by every node, so any node can release), and lookups by
 * audit subject and quarantine verdict. Only the blob column's type differs between backends.
 */
function dashboardsAndQuarantineBlobs(blobType: 'BLOB' | 'BYTEA'): string {
  return `CREATE TABLE IF NOT EXISTS message_content (
  verdict_id TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dashboards (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  name TEXT NOT NULL,
  shared BIGINT NOT NULL,
  widgets TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS dashboards_owner ON dashboards (owner_id);
CREATE INDEX IF NOT EXISTS dashboards_shared ON dashboards (shared);
CREATE TABLE IF NOT EXISTS quarantine_blobs (
  id TEXT PRIMARY KEY,
  sealed ${blobType} NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_verdict ON quarantine (verdict_id);
CREATE INDEX IF NOT EXISTS audit_log_subject ON audit_log (subject, seq);
CREATE INDEX IF NOT EXISTS verdicts_sender_domain ON verdicts (sender_domain, analysed_at);`;
}

/** The meta row migration 6 writes when PostgreSQL could not get its trigram indexes, saying why. */
export const TRIGRAM_INDEXES_SKIPPED_META = 'postgres.trigram_indexes_skipped';

/**
 * Migration 6 on PostgreSQL: pg_trgm GIN indexes that answer the message list's substring
 * filters (`LIKE '%x%'`) without reading the table. Their expressions are exactly the ones
 * verdictWhere writes, else the planner cannot match them. Best effort, because the extension
 * is database-wide and may need a privilege (CREATE on the database) or a package the
 * deployment lacks; without it every filter still works, only by scanning. So:
 * - the extension goes into `public`, never the current schema: a schema dropped with CASCADE
 *   (the tests' scratch schemas, a removed organisation) would take it, and every other
 *   schema's trigram index, with it. One already installed elsewhere is used where it is;
 * - schemas migrating at once in one database (the migration lock is per schema) take a
 *   database-wide advisory lock before creating it, so the second waits and finds it;
 * - each step runs in a PL/pgSQL exception block, i.e. a savepoint: a failure rolls back only
 *   that step, is recorded in meta and raised as a WARNING (the server log, and the store's
 *   warning callback), and the migration goes on and is recorded as applied.
 */
const POSTGRES_TRIGRAM_INDEXES = `
DO $belong$
DECLARE
  ops TEXT;
  problem TEXT;
BEGIN
  SELECT quote_ident(n.nspname) INTO ops FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF ops IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('belong.create-extension:pg_trgm'));
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
      SELECT quote_ident(n.nspname) INTO ops FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    EXCEPTION WHEN OTHERS THEN
      problem := format('cannot create extension pg_trgm: %s (SQLSTATE %s)', SQLERRM, SQLSTATE);
    END;
  END IF;
  IF problem IS NULL THEN
    BEGIN
      EXECUTE format('CREATE INDEX IF NOT EXISTS verdicts_text_trgm ON verdicts USING gin (lower(subject) %1$s.gin_trgm_ops, lower(coalesce(sender, %2$L)) %1$s.gin_trgm_ops)', ops, '');
      EXECUTE format('CREATE INDEX IF NOT EXISTS verdicts_tags_trgm ON verdicts USING gin (tags %s.gin_trgm_ops)', ops);
      EXECUTE format('CREATE INDEX IF NOT EXISTS verdicts_recipients_trgm ON verdicts USING gin (recipients %s.gin_trgm_ops)', ops);
    EXCEPTION WHEN OTHERS THEN
      problem := format('cannot create the trigram indexes: %s (SQLSTATE %s)', SQLERRM, SQLSTATE);
    END;
  END IF;
  IF problem IS NOT NULL THEN
    INSERT INTO meta (name, value) VALUES ('${TRIGRAM_INDEXES_SKIPPED_META}', problem)
      ON CONFLICT (name) DO UPDATE SET value = excluded.value;
    RAISE WARNING 'message search has no trigram indexes (%): filtering by text, tag or recipient works but scans the verdicts table; docs/scaling.md says how to add them', problem;
  END IF;
END
$belong$;`;

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
  {
    version: 2,
    name: 'quarantine index, audit log, link clicks',
    sql: `
${QUARANTINE_TABLE}

CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE IF NOT EXISTS link_clicks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  token TEXT NOT NULL,
  verdict_id TEXT NOT NULL,
  url TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT,
  outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS link_clicks_verdict ON link_clicks (verdict_id, at);
`,
    // Same tables; BIGSERIAL for the sequence, and a trigger that raises on UPDATE/DELETE so the
    // audit log stays append-only even for a client that bypasses the store (TRUNCATE too).
    postgres: `
${QUARANTINE_TABLE}

CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE OR REPLACE FUNCTION belong_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION belong_audit_log_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION belong_audit_log_append_only();

CREATE TABLE IF NOT EXISTS link_clicks (
  seq BIGSERIAL PRIMARY KEY,
  token TEXT NOT NULL,
  verdict_id TEXT NOT NULL,
  url TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT,
  outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS link_clicks_verdict ON link_clicks (verdict_id, at);
`,
  },
  {
    version: 3,
    name: 'verdict search columns; users, sessions, API tokens',
    // Copies of body fields the message list filters on, backfilled from the JSON body.
    sql: `
ALTER TABLE verdicts ADD COLUMN sender TEXT;
ALTER TABLE verdicts ADD COLUMN recipients TEXT NOT NULL DEFAULT '[]';
ALTER TABLE verdicts ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE verdicts ADD COLUMN delivery TEXT NOT NULL DEFAULT 'deliver';
ALTER TABLE verdicts ADD COLUMN direction TEXT NOT NULL DEFAULT 'inbound';
UPDATE verdicts SET
  sender = json_extract(body, '$.verdict.from'),
  recipients = coalesce(json_extract(body, '$.verdict.recipients'), '[]'),
  subject = coalesce(json_extract(body, '$.verdict.subject'), ''),
  delivery = coalesce(json_extract(body, '$.verdict.actions.delivery'), 'deliver'),
  direction = coalesce(json_extract(body, '$.verdict.direction'), 'inbound');
${ACCOUNTS_AND_VERDICT_INDEXES}`,
    postgres: `
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS sender TEXT;
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS recipients TEXT NOT NULL DEFAULT '[]';
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS subject TEXT NOT NULL DEFAULT '';
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS delivery TEXT NOT NULL DEFAULT 'deliver';
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS direction TEXT NOT NULL DEFAULT 'inbound';
UPDATE verdicts SET
  sender = body::json->'verdict'->>'from',
  recipients = coalesce((body::json->'verdict'->'recipients')::text, '[]'),
  subject = coalesce(body::json->'verdict'->>'subject', ''),
  delivery = coalesce(body::json->'verdict'->'actions'->>'delivery', 'deliver'),
  direction = coalesce(body::json->'verdict'->>'direction', 'inbound');
${ACCOUNTS_AND_VERDICT_INDEXES}`,
  },
  {
    version: 4,
    name: 'message content, dashboards, quarantine blobs; sender domain and audit subject lookups',
    // The sender's domain is what follows the last '@' (as the model keys it), lower case.
    // rtrim(x, <every non-@ character of x>) leaves x up to its last '@'.
    sql: `
ALTER TABLE verdicts ADD COLUMN sender_domain TEXT;
UPDATE verdicts SET sender_domain = lower(substr(sender, length(rtrim(sender, replace(sender, '@', ''))) + 1))
  WHERE sender LIKE '%@%';
${dashboardsAndQuarantineBlobs('BLOB')}`,
    postgres: `
ALTER TABLE verdicts ADD COLUMN IF NOT EXISTS sender_domain TEXT;
UPDATE verdicts SET sender_domain = lower(substring(sender from '@([^@]*)$'))
  WHERE strpos(sender, '@') > 0;
${dashboardsAndQuarantineBlobs('BYTEA')}`,
  },
  {
    version: 5,
    name: 'message list: newest-first index that also holds every filtered column',
    // Measured by `npm run bench:api` (100,000 verdicts): a list filter no other index narrows
    // (free text, a rare tag, a recipient) walks the verdicts newest first, and on SQLite each
    // step read the whole row, ~3 KB of verdict body, to test a few small columns. This index
    // holds those columns in list order, so SQLite tests the filter in the index (10x less to
    // read) and reads a body only for the page it returns; it also ends the sort on id.
    // PostgreSQL cannot test a filter in an index before reading the row (and a btree entry
    // over 2.7 KB, such as a hostile subject, would fail the insert), so there it only orders
    // the list, with ids compared as the query does (COLLATE "C").
    sql: `
CREATE INDEX IF NOT EXISTS verdicts_list ON verdicts (analysed_at, id, direction, delivery, score, sender, sender_domain, tags, recipients, subject);
DROP INDEX IF EXISTS verdicts_analysed_at;`,
    postgres: `
CREATE INDEX IF NOT EXISTS verdicts_list ON verdicts (analysed_at, id COLLATE "C");
DROP INDEX IF EXISTS verdicts_analysed_at;`,
  },
  {
    version: 6,
    name: 'message list: trigram indexes for text, tag and recipient filters (PostgreSQL)',
    // Measured by `npm run bench:api -- --postgres` (100,000 verdicts): free text matching
    // little scanned the whole table on PostgreSQL (~100-150 ms), a rare tag or a typical
    // recipient read rows newest first until the page filled (~50-75 ms). With these indexes
    // the planner reads only the matching rows and sorts them. A pattern shorter than three
    // characters has no trigram to look up, so it still scans (the planner knows).
    // SQLite needs nothing: migration 5's verdicts_list already lets it test these in the index.
    sql: `-- PostgreSQL only`,
    postgres: POSTGRES_TRIGRAM_INDEXES,
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
  if (migration.postgres !== undefined) return migration.postgres;
  return SQLITE_ONLY.reduce((sql, clause) => sql.replaceAll(clause, ''), migration.sql);
}
