import type { Counter, Observation, ProfileKey, ValueCounter, ValuesQuery } from '../core/profile.js';
import type { Verdict } from '../core/verdict.js';
import type { ApiTokenRecord, SessionRecord, UserRecord } from './accounts.js';
import type { DashboardRecord } from './dashboards.js';
import type { MessageContent } from './message-content.js';
import type { RecipientClick, RecipientTagsRow } from './verdict-recipients.js';
import type { VerdictCountRow, VerdictFilter, VerdictGroupOptions, VerdictGroupRow, VerdictPage, VerdictSearchResult } from './verdict-search.js';

/** A verdict as kept: the verdict plus where the message came from. */
export interface StoredVerdict {
  readonly verdict: Verdict;
  /** File path, spool id, or other origin label; null when unknown. */
  readonly origin: string | null;
}

export type QuarantineState = 'held' | 'released' | 'deleted' | 'expired' | 'release_requested';

/** One held message in the quarantine index (the bytes live encrypted on disk, never here). */
export interface QuarantineEntry {
  /** The quarantine id (the gateway spool id it came from). */
  readonly id: string;
  readonly verdictId: string;
  readonly messageId: string | null;
  /** The message digest: a released digest is never held again. */
  readonly digest: string;
  readonly sender: string | null;
  readonly recipients: readonly string[];
  readonly receivedAt: number;
  readonly state: QuarantineState;
  readonly expiresAt: number;
  readonly updatedAt: number;
  /** The SMTP envelope, so a release relays to the same recipients. */
  readonly envelope: { readonly mailFrom: string | null; readonly rcptTo: readonly string[] };
}

/** One line of the append-only audit log: who did what to which thing, when. */
export interface AuditEntry {
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  /** What the action was about (quarantine id, verdict id, ...). */
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface StoredAuditEntry extends AuditEntry {
  /** Position in the log, increasing in append order. */
  readonly seq: number;
}

/** One visit to the link page for a locked link. */
export interface LinkClick {
  readonly token: string;
  readonly verdictId: string;
  readonly url: string;
  readonly at: number;
  /** Who clicked, when the page was told (query parameter or header); null when unknown. */
  readonly actor: string | null;
  readonly outcome: 'continued' | 'blocked';
}

/**
 * Everything the engine persists. Async so that a networked backend (PostgreSQL) fits the same
 * shape; the conformance suite in `store.conformance.ts` is the contract every backend passes.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Apply pending migrations (idempotent). Called once at open. */
  migrate(): Promise<void>;
  /**
   * One batched read. Keys whose value is ANY_VALUE return a summary over all values of that
   * (entity, id, feature): summed count and mass, min firstSeen, max lastSeen, and `distinct`.
   * Absent counters are absent from the map. Map keys are `keyString(key)`.
   */
  readProfiles(keys: readonly ProfileKey[]): Promise<Map<string, Counter>>;
  /**
   * One batched read of value lists: per query, up to `limit` (capped at MAX_VALUES_PER_QUERY)
   * values of (entity, id, feature), most counted first, ties by value ascending. Map keys are
   * `valuesKeyString(query)`; a query with no values maps to nothing.
   */
  readValues(queries: readonly ValuesQuery[]): Promise<Map<string, ValueCounter[]>>;
  /** Commutative upsert of each observation: count += 1, mass += massAt(at), first = min, last = max. Atomic per call. */
  learn(observations: readonly Observation[]): Promise<void>;
  /**
   * Saves the verdict and, when given, what the email page shows of the message (headers,
   * body, links, attachments; see message-content.ts), in one round trip.
   */
  saveVerdict(stored: StoredVerdict, content?: MessageContent): Promise<void>;
  getVerdict(id: string): Promise<StoredVerdict | null>;
  /** The content saved with a verdict; null when none was (older verdicts, replays). */
  getMessageContent(verdictId: string): Promise<MessageContent | null>;
  /**
   * Retention: removes the content saved with every verdict analysed before `before` (ms since
   * the epoch), except while the message is held or its release requested (an analyst deciding
   * on it reads it; it goes at the first prune after); the verdicts themselves stay. Works through them oldest first in batches of
   * CONTENT_PRUNE_BATCH, each its own short transaction, until none is left; returns how many
   * were removed by this call (another node pruning at the same time removes the rest).
   */
  pruneMessageContent(before: number): Promise<number>;
  /** Newest first by analysedAt. */
  listVerdicts(options: { limit: number; offset?: number }): Promise<StoredVerdict[]>;
  /** Filtered, paged message list; newest first (analysedAt, then id), as listVerdicts. */
  searchVerdicts(filter: VerdictFilter, page: VerdictPage): Promise<VerdictSearchResult>;
  /** Matching verdicts counted per UTC day, direction, delivery action and tag set. */
  countVerdicts(filter: VerdictFilter): Promise<VerdictCountRow[]>;
  /**
   * Matching verdicts grouped by recipient (a verdict counts once for each of its recipients),
   * sender, or sender domain: most anomalous first (see VerdictGroupOptions).
   */
  groupVerdicts(filter: VerdictFilter, options: VerdictGroupOptions): Promise<VerdictGroupRow[]>;
  /**
   * Matching verdicts to each of `recipients` (lower case; a verdict counts once for each of
   * them it went to, as groupVerdicts counts), per recipient and tag set: by recipient, then tags.
   */
  countRecipientTags(filter: VerdictFilter, recipients: readonly string[]): Promise<RecipientTagsRow[]>;
  /**
   * For each of `recipients` (lower case): the clicks on the `newest` newest matching verdicts
   * sent to them (analysedAt, then id, descending) whose links were locked; by recipient, then
   * by those verdicts newest first, then oldest click first.
   */
  recipientClicks(filter: VerdictFilter, recipients: readonly string[], newest: number): Promise<RecipientClick[]>;
  /** False (and nothing written) when the id or username is taken. */
  createUser(user: UserRecord): Promise<boolean>;
  /** Replaces username, role, password hash, disabled and updatedAt of the user with this id. */
  updateUser(user: UserRecord): Promise<void>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByName(username: string): Promise<UserRecord | null>;
  /** By username. */
  listUsers(): Promise<UserRecord[]>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  createApiToken(token: ApiTokenRecord): Promise<void>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Oldest first; all users' tokens when userId is null. Revoked tokens included. */
  listApiTokens(userId: string | null): Promise<ApiTokenRecord[]>;
  /** True when the token existed and was not already revoked. */
  revokeApiToken(id: string, at: number): Promise<boolean>;
  getMeta(name: string): Promise<string | null>;
  /** False (nothing written) when the id is taken. */
  createDashboard(dashboard: DashboardRecord): Promise<boolean>;
  /** Replaces name, shared, widgets and updatedAt of the dashboard with this id. */
  updateDashboard(dashboard: DashboardRecord): Promise<void>;
  /** True when it existed. */
  deleteDashboard(id: string): Promise<boolean>;
  getDashboard(id: string): Promise<DashboardRecord | null>;
  /** The user's own dashboards and every shared one, by name then id. */
  listDashboards(userId: string): Promise<DashboardRecord[]>;
  /**
   * The sealed (encrypted) bytes of a held message. Kept in the store, not on one node's disk,
   * so any node sharing the database can release it. Insert or replace.
   */
  putQuarantineBlob(id: string, sealed: Buffer): Promise<void>;
  getQuarantineBlob(id: string): Promise<Buffer | null>;
  deleteQuarantineBlob(id: string): Promise<void>;
  /** Insert or replace a quarantine index entry (by id). */
  putQuarantine(entry: QuarantineEntry): Promise<void>;
  /**
   * Replaces the entry `id` with `next` only while its state is one of `from` and, when
   * `options.updatedAt` is given, its updatedAt is that value (the exact version the caller
   * read). One conditional UPDATE, atomic across every node sharing the database: of several
   * callers racing to decide on one held message, exactly one gets true. False, and nothing
   * written, when the entry is missing or has moved on. `next.id` must be `id`.
   */
  transitionQuarantine(id: string, from: readonly QuarantineState[], next: QuarantineEntry, options?: { readonly updatedAt?: number }): Promise<boolean>;
  getQuarantine(id: string): Promise<QuarantineEntry | null>;
  /** Newest first by receivedAt (id breaks ties); filtered by state and/or digest when given. */
  listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string; verdictId?: string }): Promise<QuarantineEntry[]>;
  /** Append only: the log has no update or delete. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; only entries about `subject` (a quarantine id, verdict id, username...) when given. */
  listAudit(options: { limit: number; offset?: number; subject?: string }): Promise<StoredAuditEntry[]>;
  recordClick(click: LinkClick): Promise<void>;
  /** Oldest first (the order they happened). */
  listClicks(verdictId: string): Promise<LinkClick[]>;
  setMeta(name: string, value: string): Promise<void>;
  close(): Promise<void>;
}
