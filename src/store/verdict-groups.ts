import { BelongError, ERROR_CODES } from '../errors.js';
import { type VerdictFilter, type VerdictGroupOptions, type VerdictGroupRow, verdictWhere } from './verdict-search.js';

/** How the two databases spell the few things groupVerdicts needs that they do not share. */
export interface GroupDialect {
  readonly placeholder: (n: number) => string;
  /** A FROM item expanding `verdicts.recipients` (JSON text) to one row per element, as `r(value)`. */
  readonly recipientRows: string;
  /** Appended to the value in ORDER BY so ties sort by bytes on both backends. */
  readonly byteOrder: string;
}

export const SQLITE_GROUPS: GroupDialect = { placeholder: () => '?', recipientRows: 'json_each(verdicts.recipients) AS r', byteOrder: '' };
export const POSTGRES_GROUPS: GroupDialect = {
  placeholder: (n) => `$${n}`,
  recipientRows: 'jsonb_array_elements_text(verdicts.recipients::jsonb) AS r(value)',
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
 * table: for recipients, one row per (verdict, distinct lower-cased recipient), so a verdict
 * counts once for each of its recipients and never twice for one; for sender and sender
 * domain, one row per verdict that has one. The filter's WHERE applies to verdicts before
 * expansion. Aggregates use FILTER, which SQLite (3.30+) and PostgreSQL both understand.
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
      return `SELECT DISTINCT verdicts.id, lower(r.value) AS value, score, delivery, analysed_at FROM verdicts CROSS JOIN ${dialect.recipientRows} ${where}`;
    case 'sender':
      return `SELECT sender AS value, score, delivery, analysed_at FROM verdicts ${and(where, 'sender IS NOT NULL')}`;
    case 'senderDomain':
      return `SELECT sender_domain AS value, score, delivery, analysed_at FROM verdicts ${and(where, 'sender_domain IS NOT NULL')}`;
  }
}

function and(where: string, clause: string): string {
  return where === '' ? `WHERE ${clause}` : `${where} AND ${clause}`;
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
