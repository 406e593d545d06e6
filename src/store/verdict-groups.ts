import { BelongError, ERROR_CODES } from '../errors.js';
import { type VerdictFilter, type VerdictGroupOptions, type VerdictGroupRow, verdictWhere } from './verdict-search.js';

/** How the two databases spell the few things the grouped reads need that they do not share. */
export interface GroupDialect {
  readonly placeholder: (n: number) => string;
  /**
   * Joined to `verdicts`, with firstOfRecipient in the WHERE: one row per distinct lower-cased
   * recipient of each verdict, so a verdict counts once for each of its recipients and never
   * twice for one (see recipientRows).
   */
  readonly recipientJoin: string;
  /** The lower-cased recipient in those rows. */
  readonly recipient: string;
  /** The condition (or '') that leaves out a repeat of a recipient within one verdict. */
  readonly firstOfRecipient: string;
  /** `<expression> IN <the JSON array of strings in parameter p>`. */
  readonly inJsonArray: (expression: string, p: string) => string;
  /** The number of elements of `verdicts.recipients` (repeats included, as the verdict lists them). */
  readonly recipientCount: string;
  /** The verdict's link action, read from its stored JSON. */
  readonly linkAction: string;
  /** Appended to the value in ORDER BY so ties sort by bytes on both backends. */
  readonly byteOrder: string;
}

/**
 * SQLite has no LATERAL subquery, so a repeat is left out by position: an element counts unless
 * an earlier one of the same array is the same address. (A DISTINCT over every expanded row, as
 * before, sorted them all once more: grouping 90 days of 100,000 messages by recipient took
 * 267 ms with it and 145 ms without; npm run bench:api.)
 */
export const SQLITE_GROUPS: GroupDialect = {
  placeholder: () => '?',
  recipientJoin: 'CROSS JOIN json_each(verdicts.recipients) AS r',
  recipient: 'lower(r.value)',
  firstOfRecipient: '(r.key = 0 OR NOT EXISTS (SELECT 1 FROM json_each(verdicts.recipients) AS e WHERE e.key < r.key AND lower(e.value) = lower(r.value)))',
  inJsonArray: (expression, p) => `${expression} IN (SELECT value FROM json_each(${p}))`,
  recipientCount: 'json_array_length(verdicts.recipients)',
  linkAction: "json_extract(verdicts.body, '$.verdict.actions.links')",
  byteOrder: '',
};
export const POSTGRES_GROUPS: GroupDialect = {
  placeholder: (n) => `$${n}`,
  recipientJoin: 'CROSS JOIN LATERAL (SELECT DISTINCT lower(e.value) AS value FROM jsonb_array_elements_text(verdicts.recipients::jsonb) AS e(value)) AS r',
  recipient: 'r.value',
  firstOfRecipient: '',
  inJsonArray: (expression, p) => `${expression} IN (SELECT jsonb_array_elements_text(${p}::jsonb))`,
  recipientCount: 'jsonb_array_length(verdicts.recipients::jsonb)',
  linkAction: "verdicts.body::json->'verdict'->'actions'->>'links'",
  byteOrder: ' COLLATE "C"',
};

export interface GroupRowFromDb {
  value: string;
  total: number;
  anomalous: number;
  actioned: number;
  held: number;
  max_score: number;
  last_at: number;
}

/**
 * One statement for groupVerdicts on either backend. The rows to group come from a derived
 * table: for recipients, one row per (verdict, distinct lower-cased recipient) (recipientRows);
 * for sender and sender domain, one row per verdict that has one. The filter's WHERE applies to
 * verdicts before expansion. Aggregates use FILTER, which SQLite (3.30+) and PostgreSQL both understand.
 */
export function groupVerdictsSql(filter: VerdictFilter, options: VerdictGroupOptions, dialect: GroupDialect): { sql: string; params: Array<string | number> } {
  if (!Number.isInteger(options.limit) || options.limit < 0) {
    throw new BelongError(ERROR_CODES.STORE, `groupVerdicts needs a non-negative integer limit, got ${options.limit}`);
  }
  if (!Number.isFinite(options.anomalousScore)) {
    throw new BelongError(ERROR_CODES.STORE, `groupVerdicts needs a finite anomalousScore, got ${options.anomalousScore}`);
  }
  // Parameters in text order (SQLite's `?` are positional): the threshold, the filter, the limit.
  const where = verdictWhere(filter, (n) => dialect.placeholder(n + 1));
  const threshold = dialect.placeholder(1);
  const limit = dialect.placeholder(where.params.length + 2);
  const rows = groupedRows(options.by, where.sql, dialect);
  const sql = `
SELECT value, count(*) AS total,
  count(*) FILTER (WHERE score >= ${threshold}) AS anomalous,
  count(*) FILTER (WHERE delivery <> 'deliver') AS actioned,
  count(*) FILTER (WHERE delivery = 'hold') AS held,
  max(score) AS max_score, max(analysed_at) AS last_at
FROM (${rows}) AS g
GROUP BY value
ORDER BY anomalous DESC, total DESC, value${dialect.byteOrder} ASC
LIMIT ${limit}`;
  return { sql, params: [options.anomalousScore, ...where.params, options.limit] };
}

function groupedRows(by: VerdictGroupOptions['by'], where: string, dialect: GroupDialect): string {
  switch (by) {
    case 'recipient':
      return `SELECT ${dialect.recipient} AS value, score, delivery, analysed_at FROM verdicts ${recipientRows(where, dialect)}`;
    case 'sender':
      return `SELECT sender AS value, score, delivery, analysed_at FROM verdicts ${and(where, 'sender IS NOT NULL')}`;
    case 'senderDomain':
      return `SELECT sender_domain AS value, score, delivery, analysed_at FROM verdicts ${and(where, 'sender_domain IS NOT NULL')}`;
  }
}

function and(where: string, clause: string): string {
  if (clause === '') return where;
  return where === '' ? `WHERE ${clause}` : `${where} AND ${clause}`;
}

/** The recipient join and `where` (a verdictWhere) with any more clauses: one row per (verdict, distinct recipient). */
export function recipientRows(where: string, dialect: GroupDialect, ...clauses: string[]): string {
  return `${dialect.recipientJoin} ${[dialect.firstOfRecipient, ...clauses].reduce(and, where)}`;
}

export function groupRowFromDb(row: GroupRowFromDb, decode: (text: string) => string = (t) => t): VerdictGroupRow {
  return {
    value: decode(row.value),
    total: Number(row.total),
    anomalous: Number(row.anomalous),
    actioned: Number(row.actioned),
    held: Number(row.held),
    maxScore: Number(row.max_score),
    lastAt: Number(row.last_at),
  };
}
