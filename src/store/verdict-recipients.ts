import { BelongError, ERROR_CODES } from '../errors.js';
import type { ClickRow } from './records.js';
import type { LinkClick } from './store.js';
import { type GroupDialect, recipientRows } from './verdict-groups.js';
import { type VerdictFilter, verdictWhere } from './verdict-search.js';

/**
 * Per-recipient reads for a few recipients at once (the people page's shortlist), one statement
 * each instead of one or two per person: each person's statement scanned the whole period, so
 * a page of 100 people read the period 200 times (3.5 s over 90 days of 100,000 messages).
 * Recipients are compared with each verdict's recipients as the database lower-cases them, one
 * row per (verdict, distinct recipient), as groupVerdicts groups them (so a groupVerdicts value
 * asked for again always matches); the filter applies to verdicts before they are expanded.
 */

/** Matching verdicts to one recipient with one tag set. */
export interface RecipientTagsRow {
  /** The recipient, as asked for. */
  readonly recipient: string;
  readonly tags: readonly string[];
  readonly count: number;
}

/** A click on a verdict that went to `recipient`. */
export interface RecipientClick {
  readonly recipient: string;
  readonly click: LinkClick;
  /** How many recipients the verdict lists (a click without an actor is only theirs when it went to them alone). */
  readonly recipientCount: number;
}

/** The matching verdicts to each of `recipients`, counted per recipient and tag set. */
export function recipientTagsSql(filter: VerdictFilter, recipients: readonly string[], dialect: GroupDialect): { sql: string; params: Array<string | number> } {
  const where = verdictWhere(filter, dialect.placeholder);
  const among = dialect.inJsonArray(dialect.recipient, dialect.placeholder(where.params.length + 1));
  const rows = `SELECT ${dialect.recipient} AS recipient, verdicts.tags AS tags FROM verdicts ${recipientRows(where.sql, dialect, among)}`;
  return {
    sql: `SELECT recipient, tags, count(*) AS count FROM (${rows}) AS g GROUP BY recipient, tags ORDER BY recipient${dialect.byteOrder}, tags${dialect.byteOrder}`,
    params: [...where.params, JSON.stringify(recipients)],
  };
}

/**
 * The clicks on each recipient's `newest` newest matching verdicts (analysedAt, then id,
 * descending, as the message list orders them) whose links were locked: per recipient, by
 * those verdicts newest first, then in the order the clicks happened.
 */
export function recipientClicksSql(filter: VerdictFilter, recipients: readonly string[], newest: number, dialect: GroupDialect): { sql: string; params: Array<string | number> } {
  if (!Number.isInteger(newest) || newest < 0) throw new BelongError(ERROR_CODES.STORE, `recipientClicks needs a non-negative integer count, got ${newest}`);
  const where = verdictWhere(filter, dialect.placeholder);
  const among = dialect.inJsonArray(dialect.recipient, dialect.placeholder(where.params.length + 1));
  const ranked = `SELECT ${dialect.recipient} AS recipient, verdicts.id AS verdict_id,
    row_number() OVER (PARTITION BY ${dialect.recipient} ORDER BY verdicts.analysed_at DESC, verdicts.id${dialect.byteOrder} DESC) AS n
  FROM verdicts ${recipientRows(where.sql, dialect, among)}`;
  const sql = `
SELECT g.recipient AS recipient, ${dialect.recipientCount} AS recipient_count,
  c.token AS token, c.verdict_id AS verdict_id, c.url AS url, c.at AS at, c.actor AS actor, c.outcome AS outcome
FROM (${ranked}) AS g
CROSS JOIN link_clicks AS c
CROSS JOIN verdicts
WHERE g.n <= ${dialect.placeholder(where.params.length + 2)} AND c.verdict_id = g.verdict_id AND verdicts.id = g.verdict_id AND ${dialect.linkAction} <> 'none'
ORDER BY g.recipient${dialect.byteOrder}, g.n, c.at, c.seq`;
  return { sql, params: [...where.params, JSON.stringify(recipients), newest] };
}

export interface RecipientClickRowFromDb extends ClickRow {
  recipient: string;
  recipient_count: number;
}
