import pg from 'pg';
import {
  ANY_VALUE,
  MAX_VALUES_PER_QUERY,
  type Counter,
  type Observation,
  type ProfileKey,
  type ValueCounter,
  type ValuesQuery,
  keyString,
  valuesKeyString,
} from '../../core/profile.js';
import { BelongError, ERROR_CODES } from '../../errors.js';
import { aggregateObservations } from '../aggregate.js';
import type { AuditEntry, LinkClick, QuarantineEntry, QuarantineState, Store, StoredAuditEntry, StoredVerdict } from '../store.js';
import type { ApiTokenRecord, SessionRecord, UserRecord } from '../accounts.js';
import type { DashboardRecord } from '../dashboards.js';
import { CONTENT_PRUNE_BATCH, type MessageContent } from '../message-content.js';
import { checkInstant, checkPaging, messageContentFromRow } from '../records.js';
import { parseStoredVerdict } from '../verdict-json.js';
import { type GroupRowFromDb, POSTGRES_GROUPS, groupRowFromDb, groupVerdictsSql } from '../verdict-groups.js';
import { type RecipientClick, type RecipientClickRowFromDb, type RecipientTagsRow, recipientClicksSql, recipientTagsSql } from '../verdict-recipients.js';
import {
  type VerdictCountRow,
  type VerdictFilter,
  type VerdictGroupOptions,
  type VerdictGroupRow,
  type VerdictPage,
  type VerdictSearchResult,
  DAY_MS,
  verdictSearchColumns,
  verdictWhere,
} from '../verdict-search.js';
import { PostgresAccounts } from './postgres-accounts.js';
import { decodeText, encodeText } from './pg-text.js';
import { migratePostgres } from './postgres-migrate.js';
import { PostgresRecords, clickFromPostgres } from './postgres-records.js';
import { GET_CONTENT, GET_META, GET_VERDICT, LEARN, LIST_VERDICTS, PRUNE_CONTENT_BATCH, READ_PROFILES, READ_VALUES, SAVE_VERDICT, SAVE_VERDICT_WITH_CONTENT, SET_META } from './postgres-sql.js';

/** The one thing the store needs from a pool; a seam so the benchmark can count round trips. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

interface CounterRow {
  i: number;
  count: number;
  mass: number;
  first_seen: number;
  last_seen: number;
}
interface ProfileRow extends CounterRow {
  distinct_values: number | null;
}
interface ValueRow extends CounterRow {
  value: string;
}

const INT8_OID = 20;

/**
 * BIGINT columns (counts, millisecond timestamps) as numbers rather than pg's default strings:
 * they stay far below 2^53. Scoped to this store's pool so other pg users in the process keep
 * their own parsing.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (text: string) => Number(text) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * The shared backend for several gateway nodes: one PostgreSQL database, one model. Every
 * method is one statement (one round trip, one snapshot), and learning is a commutative
 * upsert, so nodes never read-modify-write a counter and never lose an increment.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly db: Queryable;
  private closed = false;
  private readonly records = new PostgresRecords((name, text, values) => this.query(name, text, values));
  private readonly accounts = new PostgresAccounts((name, text, values) => this.query(name, text, values));

  private readonly warn: (message: string) => void;

  /** `db` defaults to the pool; the benchmark passes a wrapper that counts queries. */
  constructor(pool: pg.Pool, db: Queryable = pool, warn: (message: string) => void = warnOnStderr) {
    this.pool = pool;
    this.db = db;
    this.warn = warn;
  }

  async migrate(): Promise<void> {
    this.assertOpen();
    await this.run(() => migratePostgres(this.pool, undefined, undefined, this.warn));
  }

  async readProfiles(keys: readonly ProfileKey[]): Promise<Map<string, Counter>> {
    const exact = new Columns(4);
    const summary = new Columns(3);
    const exactKeys: string[] = [];
    const summaryKeys: string[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      const ks = keyString(k);
      if (seen.has(ks)) continue;
      seen.add(ks);
      if (k.value === ANY_VALUE) {
        summary.push(k.entity, k.id, k.feature);
        summaryKeys.push(ks);
      } else {
        exact.push(k.entity, k.id, k.feature, k.value);
        exactKeys.push(ks);
      }
    }
    const out = new Map<string, Counter>();
    if (seen.size === 0) {
      this.assertOpen();
      return out;
    }
    const { rows } = await this.query<ProfileRow>('belong_read_profiles', READ_PROFILES, [...exact.arrays(), ...summary.arrays()]);
    for (const row of rows) {
      const counter: Counter = { count: row.count, mass: row.mass, firstSeen: row.first_seen, lastSeen: row.last_seen };
      // i is 1-based (ORDINALITY); exact rows carry no `distinct`, exactly as SQLite returns them.
      if (row.distinct_values === null) out.set(exactKeys[row.i - 1] as string, counter);
      else out.set(summaryKeys[row.i - 1] as string, { ...counter, distinct: row.distinct_values });
    }
    return out;
  }

  async readValues(queries: readonly ValuesQuery[]): Promise<Map<string, ValueCounter[]>> {
    const columns = new Columns(3);
    const limits: number[] = [];
    const queryKeys: string[] = [];
    const seen = new Set<string>();
    for (const q of queries) {
      const ks = valuesKeyString(q);
      // The first query for a profile wins, as in SQLite.
      if (seen.has(ks)) continue;
      seen.add(ks);
      queryKeys.push(ks);
      columns.push(q.entity, q.id, q.feature);
      limits.push(Math.max(0, Math.min(MAX_VALUES_PER_QUERY, Math.floor(q.limit))));
    }
    const out = new Map<string, ValueCounter[]>();
    if (queryKeys.length === 0) {
      this.assertOpen();
      return out;
    }
    const { rows } = await this.query<ValueRow>('belong_read_values', READ_VALUES, [...columns.arrays(), limits]);
    for (const row of rows) {
      const ks = queryKeys[row.i - 1] as string;
      const list = out.get(ks) ?? [];
      list.push({ value: decodeText(row.value), counter: { count: row.count, mass: row.mass, firstSeen: row.first_seen, lastSeen: row.last_seen } });
      out.set(ks, list);
    }
    return out;
  }

  async learn(observations: readonly Observation[]): Promise<void> {
    this.assertOpen();
    const batch = aggregateObservations(observations);
    if (batch.length === 0) return;
    // One global order for every node: row locks are then taken in the same order everywhere.
    const sorted = batch.map((b) => ({ ...b, ks: keyString(b.key) })).sort((a, b) => (a.ks < b.ks ? -1 : a.ks > b.ks ? 1 : 0));
    const keys = new Columns(4);
    const counts: number[] = [];
    const masses: number[] = [];
    const firsts: number[] = [];
    const lasts: number[] = [];
    for (const { key: k, counter: c } of sorted) {
      keys.push(k.entity, k.id, k.feature, k.value);
      counts.push(c.count);
      masses.push(c.mass);
      firsts.push(c.firstSeen);
      lasts.push(c.lastSeen);
    }
    await this.query('belong_learn', LEARN, [...keys.arrays(), counts, masses, firsts, lasts]);
  }

  async saveVerdict(stored: StoredVerdict, content?: MessageContent): Promise<void> {
    const v = stored.verdict;
    const origin = stored.origin === null ? null : encodeText(stored.origin);
    const messageId = v.messageId === null ? null : encodeText(v.messageId);
    // The bodies are JSON, which escapes U+0000, so only the copied index columns need encoding.
    const c = verdictSearchColumns(v);
    const values = [
      encodeText(v.id), v.digest, messageId, v.analysedAt, v.score, JSON.stringify(v.tags), origin, JSON.stringify(stored),
      c.sender === null ? null : encodeText(c.sender), c.senderDomain === null ? null : encodeText(c.senderDomain), c.recipients, encodeText(c.subject), c.delivery, c.direction,
    ];
    // Still one round trip per message with content: the two inserts share one statement.
    if (content === undefined) await this.query('belong_save_verdict', SAVE_VERDICT, values);
    else await this.query('belong_save_verdict_with_content', SAVE_VERDICT_WITH_CONTENT, [...values, JSON.stringify(content)]);
  }

  async getVerdict(id: string): Promise<StoredVerdict | null> {
    const { rows } = await this.query<{ body: string }>('belong_get_verdict', GET_VERDICT, [encodeText(id)]);
    const row = rows[0];
    return row ? parseStoredVerdict(row.body, id) : null;
  }

  async getMessageContent(verdictId: string): Promise<MessageContent | null> {
    const { rows } = await this.query<{ body: string }>('belong_get_content', GET_CONTENT, [encodeText(verdictId)]);
    const row = rows[0];
    return row ? messageContentFromRow(row, verdictId) : null;
  }

  async pruneMessageContent(before: number): Promise<number> {
    checkInstant('pruneMessageContent', before);
    let removed = 0;
    let from = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const { rows } = await this.query<{ selected: number; removed: number; last: number | null }>('belong_prune_content', PRUNE_CONTENT_BATCH, [from, before, CONTENT_PRUNE_BATCH]);
      const batch = rows[0];
      removed += batch?.removed ?? 0;
      if (!batch || batch.selected < CONTENT_PRUNE_BATCH || batch.last === null) return removed;
      // Removed rows no longer join, so starting at the last batch's time skips none that share it.
      from = batch.last;
    }
  }

  async listVerdicts(options: { limit: number; offset?: number }): Promise<StoredVerdict[]> {
    const { limit, offset = 0 } = options;
    // Same contract as SQLite, where a negative LIMIT would mean "no limit".
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
      throw new BelongError(ERROR_CODES.STORE, `listVerdicts needs non-negative integers, got limit=${limit} offset=${offset}`);
    }
    const { rows } = await this.query<{ body: string }>('belong_list_verdicts', LIST_VERDICTS, [limit, offset]);
    return rows.map((row) => parseStoredVerdict(row.body, 'verdicts'));
  }

  async searchVerdicts(filter: VerdictFilter, page: VerdictPage): Promise<VerdictSearchResult> {
    const { limit, offset = 0 } = page;
    checkPaging('searchVerdicts', limit, offset);
    const where = verdictWhere(encodeFilter(filter), (n) => `$${n}`);
    const n = where.params.length;
    // Unnamed: the text varies with the filters given. One row past the page tells whether there is more.
    const { rows } = await this.adHoc<{ body: string }>(`SELECT body FROM verdicts ${where.sql} ORDER BY analysed_at DESC, id COLLATE "C" DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...where.params, limit + 1, offset]);
    return { items: rows.slice(0, limit).map((row) => parseStoredVerdict(row.body, 'verdicts')), hasMore: rows.length > limit };
  }

  async countVerdicts(filter: VerdictFilter): Promise<VerdictCountRow[]> {
    const where = verdictWhere(encodeFilter(filter), (n) => `$${n}`);
    const { rows } = await this.adHoc<{ day: number; direction: string; delivery: string; tags: string; count: number }>(
      `SELECT (analysed_at / ${DAY_MS}) * ${DAY_MS} AS day, direction, delivery, tags, count(*) AS count FROM verdicts ${where.sql} GROUP BY 1, 2, 3, 4 ORDER BY 1, direction COLLATE "C", delivery COLLATE "C", tags COLLATE "C"`,
      where.params,
    );
    return rows.map((r) => ({ day: Number(r.day), direction: r.direction, delivery: r.delivery, tags: JSON.parse(r.tags) as string[], count: Number(r.count) }));
  }

  async groupVerdicts(filter: VerdictFilter, options: VerdictGroupOptions): Promise<VerdictGroupRow[]> {
    const { sql, params } = groupVerdictsSql(encodeFilter(filter), options, POSTGRES_GROUPS);
    const { rows } = await this.adHoc<GroupRowFromDb>(sql, params);
    return rows.map((row) => groupRowFromDb(row, decodeText));
  }

  async countRecipientTags(filter: VerdictFilter, recipients: readonly string[]): Promise<RecipientTagsRow[]> {
    const { sql, params } = recipientTagsSql(encodeFilter(filter), recipients, POSTGRES_GROUPS);
    const { rows } = await this.adHoc<{ recipient: string; tags: string; count: number }>(sql, params);
    return rows.map((r) => ({ recipient: r.recipient, tags: JSON.parse(r.tags) as string[], count: Number(r.count) }));
  }

  async recipientClicks(filter: VerdictFilter, recipients: readonly string[], newest: number): Promise<RecipientClick[]> {
    const { sql, params } = recipientClicksSql(encodeFilter(filter), recipients, newest, POSTGRES_GROUPS);
    const { rows } = await this.adHoc<RecipientClickRowFromDb>(sql, params);
    return rows.map((row) => ({ recipient: row.recipient, recipientCount: Number(row.recipient_count), click: clickFromPostgres(row) }));
  }

  createUser(user: UserRecord): Promise<boolean> {
    return this.accounts.createUser(user);
  }

  updateUser(user: UserRecord): Promise<void> {
    return this.accounts.updateUser(user);
  }

  getUser(id: string): Promise<UserRecord | null> {
    return this.accounts.getUser(id);
  }

  getUserByName(username: string): Promise<UserRecord | null> {
    return this.accounts.getUserByName(username);
  }

  listUsers(): Promise<UserRecord[]> {
    return this.accounts.listUsers();
  }

  createSession(session: SessionRecord): Promise<void> {
    return this.accounts.createSession(session);
  }

  getSession(idHash: string): Promise<SessionRecord | null> {
    return this.accounts.getSession(idHash);
  }

  deleteSession(idHash: string): Promise<void> {
    return this.accounts.deleteSession(idHash);
  }

  deleteUserSessions(userId: string): Promise<void> {
    return this.accounts.deleteUserSessions(userId);
  }

  createApiToken(token: ApiTokenRecord): Promise<void> {
    return this.accounts.createApiToken(token);
  }

  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    return this.accounts.getApiTokenByHash(tokenHash);
  }

  listApiTokens(userId: string | null): Promise<ApiTokenRecord[]> {
    return this.accounts.listApiTokens(userId);
  }

  revokeApiToken(id: string, at: number): Promise<boolean> {
    return this.accounts.revokeApiToken(id, at);
  }

  async getMeta(name: string): Promise<string | null> {
    const { rows } = await this.query<{ value: string }>('belong_get_meta', GET_META, [encodeText(name)]);
    const row = rows[0];
    return row ? decodeText(row.value) : null;
  }

  async setMeta(name: string, value: string): Promise<void> {
    await this.query('belong_set_meta', SET_META, [encodeText(name), encodeText(value)]);
  }

  putQuarantine(entry: QuarantineEntry): Promise<void> {
    return this.records.putQuarantine(entry);
  }

  transitionQuarantine(id: string, from: readonly QuarantineState[], next: QuarantineEntry, options: { readonly updatedAt?: number } = {}): Promise<boolean> {
    return this.records.transitionQuarantine(id, from, next, options.updatedAt ?? null);
  }

  getQuarantine(id: string): Promise<QuarantineEntry | null> {
    return this.records.getQuarantine(id);
  }

  listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string; verdictId?: string }): Promise<QuarantineEntry[]> {
    return this.records.listQuarantine(options);
  }

  putQuarantineBlob(id: string, sealed: Buffer): Promise<void> {
    return this.records.putQuarantineBlob(id, sealed);
  }

  getQuarantineBlob(id: string): Promise<Buffer | null> {
    return this.records.getQuarantineBlob(id);
  }

  deleteQuarantineBlob(id: string): Promise<void> {
    return this.records.deleteQuarantineBlob(id);
  }

  createDashboard(dashboard: DashboardRecord): Promise<boolean> {
    return this.records.createDashboard(dashboard);
  }

  updateDashboard(dashboard: DashboardRecord): Promise<void> {
    return this.records.updateDashboard(dashboard);
  }

  deleteDashboard(id: string): Promise<boolean> {
    return this.records.deleteDashboard(id);
  }

  getDashboard(id: string): Promise<DashboardRecord | null> {
    return this.records.getDashboard(id);
  }

  listDashboards(userId: string): Promise<DashboardRecord[]> {
    return this.records.listDashboards(userId);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.records.appendAudit(entry);
  }

  listAudit(options: { limit: number; offset?: number; subject?: string }): Promise<StoredAuditEntry[]> {
    return this.records.listAudit(options);
  }

  recordClick(click: LinkClick): Promise<void> {
    return this.records.recordClick(click);
  }

  listClicks(verdictId: string): Promise<LinkClick[]> {
    return this.records.listClicks(verdictId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private assertOpen(): void {
    if (this.closed) throw new BelongError(ERROR_CODES.STORE, 'store is closed', 'database-url');
  }

  /**
   * Named, so each pooled connection parses and plans a statement once and then only binds:
   * the texts never vary with batch size (arrays, not VALUES lists), so one plan serves all.
   */
  private query<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    this.assertOpen();
    return this.run(() => this.db.query<R>({ name, text, values }));
  }

  private adHoc<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    this.assertOpen();
    return this.run(() => this.db.query<R>({ text, values }));
  }

  /** Database failures surface as store errors (the CLI prints those without a stack trace). */
  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      if (cause instanceof BelongError) throw cause;
      throw new BelongError(ERROR_CODES.STORE, `PostgreSQL: ${cause instanceof Error ? cause.message : String(cause)}`, 'database-url', { cause });
    }
  }
}

/** Text filter values encoded as the indexed columns were (U+0000 made storable). */
function encodeFilter(filter: VerdictFilter): VerdictFilter {
  const text = (value: string | undefined) => (value === undefined ? undefined : encodeText(value));
  return { ...filter, sender: text(filter.sender), senderDomain: text(filter.senderDomain), text: text(filter.text) };
}

/** Parallel text arrays, one per column, each string made safe for PostgreSQL TEXT. */
class Columns {
  private readonly columns: string[][];

  constructor(width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }

  push(...values: string[]): void {
    values.forEach((v, i) => this.columns[i]?.push(encodeText(v)));
  }

  arrays(): string[][] {
    return this.columns;
  }
}

export interface PostgresStoreOptions {
  /** Connections per node; the engine uses at most two at once per message (profiles + values). */
  readonly maxConnections?: number;
  /** Replaces the pool as the thing queries go through (the benchmark counts round trips with it). */
  readonly wrap?: (pool: pg.Pool) => Queryable;
  /** Where a migration's warning goes (e.g. no pg_trgm, so no trigram indexes); stderr unless given. */
  readonly warn?: (message: string) => void;
}

/** The store has no logger of its own; a migration's warning is rare and belongs in front of the operator. */
function warnOnStderr(message: string): void {
  process.stderr.write(`belong: PostgreSQL: ${message}\n`);
}

/**
 * Connects to `url` (postgres://...; `?options=-c search_path=x` selects a schema) and brings
 * the schema up to date. An unreachable server is reported as a store error naming the host,
 * never with the password.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: withSessionSettings(url), max: options.maxConnections ?? 10, types });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const store = new PostgresStore(pool, options.wrap?.(pool) ?? pool, options.warn);
  try {
    await store.migrate();
    return store;
  } catch (cause) {
    await store.close();
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new BelongError(ERROR_CODES.STORE, `cannot open PostgreSQL database at ${redact(url)}: ${message}`, 'database-url', { cause });
  }
}

/**
 * After five runs of a named statement PostgreSQL may switch to a generic plan, which cannot
 * see how many keys the arrays hold; for READ_PROFILES that plan measured 4.5x slower
 * (npm run bench:store: 3.7 vs 0.8 ms per message). Planning per call costs ~0.2 ms and keeps
 * plans right for every batch size. Set as a startup option, appended to any the URL has
 * (e.g. a search_path), so it costs no round trip.
 *
 * JIT compilation off: the planner takes every set-returning function for 100 rows, so a
 * grouping over recipients (one JSON array of 1-3 per verdict) is costed 100 times too high
 * and compiled, which took longer than the query (npm run bench:api, 100,000 messages over
 * 90 days: grouping by recipient 354 ms with JIT, 245 ms without). The store's queries are
 * short and read indexes; none gains from JIT.
 */
function withSessionSettings(url: string): string {
  try {
    const parsed = new URL(url);
    const existing = parsed.searchParams.get('options');
    parsed.searchParams.set('options', `${existing ? `${existing} ` : ''}-c plan_cache_mode=force_custom_plan -c jit=off`);
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database URL';
  }
}
