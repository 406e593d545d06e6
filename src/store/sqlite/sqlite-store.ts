import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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
import type { DashboardRecord } from '../dashboards.js';
import { CONTENT_PRUNE_BATCH, type MessageContent } from '../message-content.js';
import { checkInstant, checkPaging, clickFromRow, messageContentFromRow } from '../records.js';
import { aggregateObservations } from '../aggregate.js';
import type { AuditEntry, LinkClick, QuarantineEntry, QuarantineState, Store, StoredAuditEntry, StoredVerdict } from '../store.js';
import type { ApiTokenRecord, SessionRecord, UserRecord } from '../accounts.js';
import { parseStoredVerdict } from '../verdict-json.js';
import { type GroupRowFromDb, SQLITE_GROUPS, groupRowFromDb, groupVerdictsSql } from '../verdict-groups.js';
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
import { SqliteAccounts } from './sqlite-accounts.js';
import { migrateSqlite } from './sqlite-migrate.js';
import { SqliteRecords } from './sqlite-records.js';
import { type Statements, prepareStatements } from './sqlite-statements.js';

/** Long enough to ride out another process's learn() batch; short enough that a wedged lock surfaces as an error. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The embedded default backend. better-sqlite3 is synchronous, so each method body runs to
 * completion before any other store call can start: transactions never interleave.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private statements: Statements | null = null;
  private recordStatements: SqliteRecords | null = null;
  private accountStatements: SqliteAccounts | null = null;

  constructor(db: Database.Database) {
    this.db = db;
  }

  async migrate(): Promise<void> {
    migrateSqlite(this.db);
    // Prepared only now: preparing needs the tables to exist.
    this.statements ??= prepareStatements(this.db);
    this.recordStatements ??= new SqliteRecords(this.db);
    this.accountStatements ??= new SqliteAccounts(this.db);
  }

  async readProfiles(keys: readonly ProfileKey[]): Promise<Map<string, Counter>> {
    const s = this.sql();
    const out = new Map<string, Counter>();
    // One read transaction so a concurrent learner cannot show half a message's keys old and half new.
    this.db.transaction(() => {
      for (const k of keys) {
        const ks = keyString(k);
        if (out.has(ks)) continue;
        const row = k.value === ANY_VALUE ? s.summary.get(k.entity, k.id, k.feature) : s.exact.get(k.entity, k.id, k.feature, k.value);
        if (row) out.set(ks, row);
      }
    })();
    return out;
  }

  async readValues(queries: readonly ValuesQuery[]): Promise<Map<string, ValueCounter[]>> {
    const s = this.sql();
    const out = new Map<string, ValueCounter[]>();
    this.db.transaction(() => {
      for (const q of queries) {
        const ks = valuesKeyString(q);
        if (out.has(ks)) continue;
        const limit = Math.max(0, Math.min(MAX_VALUES_PER_QUERY, Math.floor(q.limit)));
        const rows = s.values.all(q.entity, q.id, q.feature, limit);
        if (rows.length > 0) out.set(ks, rows.map(({ value, ...counter }) => ({ value, counter })));
      }
    })();
    return out;
  }

  async learn(observations: readonly Observation[]): Promise<void> {
    const s = this.sql();
    const batch = aggregateObservations(observations);
    if (batch.length === 0) return;
    this.db.transaction(() => {
      for (const { key: k, counter: c } of batch) {
        s.upsert.run(k.entity, k.id, k.feature, k.value, c.count, c.mass, c.firstSeen, c.lastSeen);
      }
    }).immediate();
  }

  async saveVerdict(stored: StoredVerdict, content?: MessageContent): Promise<void> {
    const s = this.sql();
    const v = stored.verdict;
    const c = verdictSearchColumns(v);
    // One transaction: a reader never sees the verdict without the content saved with it.
    this.db.transaction(() => {
      s.saveVerdict.run(v.id, v.digest, v.messageId, v.analysedAt, v.score, JSON.stringify(v.tags), stored.origin, JSON.stringify(stored), c.sender, c.senderDomain, c.recipients, c.subject, c.delivery, c.direction);
      if (content !== undefined) s.saveContent.run(v.id, JSON.stringify(content));
    }).immediate();
  }

  async getVerdict(id: string): Promise<StoredVerdict | null> {
    const row = this.sql().getVerdict.get(id);
    return row ? parseStoredVerdict(row.body, id) : null;
  }

  async getMessageContent(verdictId: string): Promise<MessageContent | null> {
    const row = this.sql().getContent.get(verdictId);
    return row ? messageContentFromRow(row, verdictId) : null;
  }

  async pruneMessageContent(before: number): Promise<number> {
    checkInstant('pruneMessageContent', before);
    let removed = 0;
    let from = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const s = this.sql();
      // Select and delete in one write transaction: a batch never removes content saved since.
      const batch = this.db.transaction(() => {
        const rows = s.contentBefore.all(from, before, CONTENT_PRUNE_BATCH);
        for (const row of rows) s.deleteContent.run(row.id);
        return rows;
      }).immediate();
      removed += batch.length;
      const last = batch[batch.length - 1];
      if (batch.length < CONTENT_PRUNE_BATCH || !last) return removed;
      // Removed rows no longer join, so starting at the last batch's time skips none that share it.
      from = last.analysedAt;
      // better-sqlite3 blocks: let the gateway's messages and the API's requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async listVerdicts(options: { limit: number; offset?: number }): Promise<StoredVerdict[]> {
    const { limit, offset = 0 } = options;
    // SQLite treats a negative LIMIT as "no limit"; a caller passing one has a bug worth surfacing.
    if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
      throw new BelongError(ERROR_CODES.STORE, `listVerdicts needs non-negative integers, got limit=${limit} offset=${offset}`);
    }
    return this.sql()
      .listVerdicts.all(limit, offset)
      .map((row) => parseStoredVerdict(row.body, 'verdicts'));
  }

  async searchVerdicts(filter: VerdictFilter, page: VerdictPage): Promise<VerdictSearchResult> {
    const { limit, offset = 0 } = page;
    checkPaging('searchVerdicts', limit, offset);
    this.sql();
    const where = verdictWhere(filter, () => '?');
    // One row past the page tells whether there is a next page without counting every match.
    const rows = this.db.prepare<unknown[], { body: string }>(`SELECT body FROM verdicts ${where.sql} ORDER BY analysed_at DESC, id DESC LIMIT ? OFFSET ?`).all(...where.params, limit + 1, offset);
    return { items: rows.slice(0, limit).map((row) => parseStoredVerdict(row.body, 'verdicts')), hasMore: rows.length > limit };
  }

  async countVerdicts(filter: VerdictFilter): Promise<VerdictCountRow[]> {
    this.sql();
    const where = verdictWhere(filter, () => '?');
    const rows = this.db
      .prepare<unknown[], { day: number; direction: string; delivery: string; tags: string; count: number }>(
        `SELECT (analysed_at / ${DAY_MS}) * ${DAY_MS} AS day, direction, delivery, tags, count(*) AS count FROM verdicts ${where.sql} GROUP BY day, direction, delivery, tags ORDER BY day, direction, delivery, tags`,
      )
      .all(...where.params);
    return rows.map((r) => ({ day: Number(r.day), direction: r.direction, delivery: r.delivery, tags: JSON.parse(r.tags) as string[], count: Number(r.count) }));
  }

  async groupVerdicts(filter: VerdictFilter, options: VerdictGroupOptions): Promise<VerdictGroupRow[]> {
    this.sql();
    const { sql, params } = groupVerdictsSql(filter, options, SQLITE_GROUPS);
    return this.db
      .prepare<unknown[], GroupRowFromDb>(sql)
      .all(...params)
      .map((row) => groupRowFromDb(row));
  }

  async countRecipientTags(filter: VerdictFilter, recipients: readonly string[]): Promise<RecipientTagsRow[]> {
    this.sql();
    const { sql, params } = recipientTagsSql(filter, recipients, SQLITE_GROUPS);
    return this.db
      .prepare<unknown[], { recipient: string; tags: string; count: number }>(sql)
      .all(...params)
      .map((r) => ({ recipient: r.recipient, tags: JSON.parse(r.tags) as string[], count: Number(r.count) }));
  }

  async recipientClicks(filter: VerdictFilter, recipients: readonly string[], newest: number): Promise<RecipientClick[]> {
    this.sql();
    const { sql, params } = recipientClicksSql(filter, recipients, newest, SQLITE_GROUPS);
    return this.db
      .prepare<unknown[], RecipientClickRowFromDb>(sql)
      .all(...params)
      .map((row) => ({ recipient: row.recipient, recipientCount: Number(row.recipient_count), click: clickFromRow(row) }));
  }

  async createUser(user: UserRecord): Promise<boolean> {
    return this.accounts().createUser(user);
  }

  async updateUser(user: UserRecord): Promise<void> {
    this.accounts().updateUser(user);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    return this.accounts().getUser(id);
  }

  async getUserByName(username: string): Promise<UserRecord | null> {
    return this.accounts().getUserByName(username);
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.accounts().listUsers();
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.accounts().createSession(session);
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    return this.accounts().getSession(idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.accounts().deleteSession(idHash);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    this.accounts().deleteUserSessions(userId);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    this.accounts().createApiToken(token);
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    return this.accounts().getApiTokenByHash(tokenHash);
  }

  async listApiTokens(userId: string | null): Promise<ApiTokenRecord[]> {
    return this.accounts().listApiTokens(userId);
  }

  async revokeApiToken(id: string, at: number): Promise<boolean> {
    return this.accounts().revokeApiToken(id, at);
  }

  async getMeta(name: string): Promise<string | null> {
    return this.sql().getMeta.get(name)?.value ?? null;
  }

  async setMeta(name: string, value: string): Promise<void> {
    this.sql().setMeta.run(name, value);
  }

  async putQuarantine(entry: QuarantineEntry): Promise<void> {
    this.records().putQuarantine(entry);
  }

  async transitionQuarantine(id: string, from: readonly QuarantineState[], next: QuarantineEntry, options: { readonly updatedAt?: number } = {}): Promise<boolean> {
    return this.records().transitionQuarantine(id, from, next, options.updatedAt ?? null);
  }

  async getQuarantine(id: string): Promise<QuarantineEntry | null> {
    return this.records().getQuarantine(id);
  }

  async listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string; verdictId?: string }): Promise<QuarantineEntry[]> {
    return this.records().listQuarantine(options);
  }

  async putQuarantineBlob(id: string, sealed: Buffer): Promise<void> {
    this.records().putQuarantineBlob(id, sealed);
  }

  async getQuarantineBlob(id: string): Promise<Buffer | null> {
    return this.records().getQuarantineBlob(id);
  }

  async deleteQuarantineBlob(id: string): Promise<void> {
    this.records().deleteQuarantineBlob(id);
  }

  async createDashboard(dashboard: DashboardRecord): Promise<boolean> {
    return this.records().createDashboard(dashboard);
  }

  async updateDashboard(dashboard: DashboardRecord): Promise<void> {
    this.records().updateDashboard(dashboard);
  }

  async deleteDashboard(id: string): Promise<boolean> {
    return this.records().deleteDashboard(id);
  }

  async getDashboard(id: string): Promise<DashboardRecord | null> {
    return this.records().getDashboard(id);
  }

  async listDashboards(userId: string): Promise<DashboardRecord[]> {
    return this.records().listDashboards(userId);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.records().appendAudit(entry);
  }

  async listAudit(options: { limit: number; offset?: number; subject?: string }): Promise<StoredAuditEntry[]> {
    return this.records().listAudit(options);
  }

  async recordClick(click: LinkClick): Promise<void> {
    this.records().recordClick(click);
  }

  async listClicks(verdictId: string): Promise<LinkClick[]> {
    return this.records().listClicks(verdictId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Used by tests and diagnostics to confirm the pragmas took. */
  pragma(name: string): unknown {
    return this.db.pragma(name, { simple: true });
  }

  private accounts(): SqliteAccounts {
    this.sql();
    return this.accountStatements as SqliteAccounts;
  }

  private records(): SqliteRecords {
    this.sql();
    return this.recordStatements as SqliteRecords;
  }

  private sql(): Statements {
    if (!this.db.open) throw new BelongError(ERROR_CODES.STORE, 'store is closed', this.db.name);
    if (!this.statements) throw new BelongError(ERROR_CODES.STORE, 'store used before migrate()', this.db.name);
    return this.statements;
  }
}

/** Opens (creating if needed) the SQLite file at `file` and brings its schema up to date. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
  } catch (cause) {
    throw new BelongError(ERROR_CODES.STORE, `cannot open database: ${cause instanceof Error ? cause.message : String(cause)}`, file, { cause });
  }
  try {
    // WAL lets the dashboard read while the gateway learns; NORMAL is durable across process
    // crashes in WAL mode and only risks the last commits on power loss, which the spool covers.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    const store = new SqliteStore(db);
    await store.migrate();
    return store;
  } catch (cause) {
    db.close();
    if (cause instanceof BelongError) throw cause;
    throw new BelongError(ERROR_CODES.STORE, `cannot prepare database: ${cause instanceof Error ? cause.message : String(cause)}`, file, { cause });
  }
}
