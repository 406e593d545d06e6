import type pg from 'pg';
import { type AuditRow, type ClickRow, type QuarantineRow, auditFromRow, checkPaging, clickFromRow, quarantineColumns, quarantineFromRow } from '../records.js';
import type { AuditEntry, LinkClick, QuarantineEntry, QuarantineState, StoredAuditEntry } from '../store.js';
import { decodeText, encodeText } from './pg-text.js';

export type RunQuery = <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) => Promise<pg.QueryResult<R>>;

const PUT_QUARANTINE = `
INSERT INTO quarantine (id, verdict_id, message_id, digest, sender, recipients, received_at, state, expires_at, updated_at, body)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (id) DO UPDATE SET
  verdict_id = excluded.verdict_id, message_id = excluded.message_id, digest = excluded.digest,
  sender = excluded.sender, recipients = excluded.recipients, received_at = excluded.received_at,
  state = excluded.state, expires_at = excluded.expires_at, updated_at = excluded.updated_at, body = excluded.body`;
const GET_QUARANTINE = 'SELECT body FROM quarantine WHERE id = $1';
// COLLATE "C" so the id tie-break orders bytes exactly as SQLite does.
const LIST_QUARANTINE = `
SELECT body FROM quarantine
WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR digest = $2)
ORDER BY received_at DESC, id COLLATE "C" DESC LIMIT $3 OFFSET $4`;
const APPEND_AUDIT = 'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)';
const LIST_AUDIT = 'SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT $1 OFFSET $2';
const RECORD_CLICK = 'INSERT INTO link_clicks (token, verdict_id, url, at, actor, outcome) VALUES ($1, $2, $3, $4, $5, $6)';
const LIST_CLICKS = 'SELECT token, verdict_id, url, at, actor, outcome FROM link_clicks WHERE verdict_id = $1 ORDER BY at ASC, seq ASC';

const orNull = (text: string | null): string | null => (text === null ? null : encodeText(text));
const decodeOrNull = (text: string | null): string | null => (text === null ? null : decodeText(text));

/**
 * The quarantine index, audit log and link clicks on PostgreSQL. Text columns go through
 * encodeText (hostile mail may carry U+0000); the JSON bodies escape it already. The audit
 * table has a trigger that raises on UPDATE, DELETE and TRUNCATE (migration 2).
 */
export class PostgresRecords {
  constructor(private readonly query: RunQuery) {}

  async putQuarantine(entry: QuarantineEntry): Promise<void> {
    const [id, verdictId, messageId, digest, sender, ...rest] = quarantineColumns(entry);
    await this.query('belong_put_quarantine', PUT_QUARANTINE, [encodeText(id), encodeText(verdictId), orNull(messageId), encodeText(digest), orNull(sender), ...rest]);
  }

  async getQuarantine(id: string): Promise<QuarantineEntry | null> {
    const { rows } = await this.query<QuarantineRow>('belong_get_quarantine', GET_QUARANTINE, [encodeText(id)]);
    const row = rows[0];
    return row ? quarantineFromRow(row) : null;
  }

  async listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string }): Promise<QuarantineEntry[]> {
    const { limit, offset = 0, state = null, digest = null } = options;
    checkPaging('listQuarantine', limit, offset);
    const { rows } = await this.query<QuarantineRow>('belong_list_quarantine', LIST_QUARANTINE, [state, orNull(digest), limit, offset]);
    return rows.map(quarantineFromRow);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.query('belong_append_audit', APPEND_AUDIT, [entry.at, encodeText(entry.actor), encodeText(entry.action), encodeText(entry.subject), JSON.stringify(entry.detail)]);
  }

  async listAudit(options: { limit: number; offset?: number }): Promise<StoredAuditEntry[]> {
    const { limit, offset = 0 } = options;
    checkPaging('listAudit', limit, offset);
    const { rows } = await this.query<AuditRow>('belong_list_audit', LIST_AUDIT, [limit, offset]);
    return rows.map((row) => auditFromRow({ ...row, actor: decodeText(row.actor), action: decodeText(row.action), subject: decodeText(row.subject) }));
  }

  async recordClick(click: LinkClick): Promise<void> {
    await this.query('belong_record_click', RECORD_CLICK, [encodeText(click.token), encodeText(click.verdictId), encodeText(click.url), click.at, orNull(click.actor), click.outcome]);
  }

  async listClicks(verdictId: string): Promise<LinkClick[]> {
    const { rows } = await this.query<ClickRow>('belong_list_clicks', LIST_CLICKS, [encodeText(verdictId)]);
    return rows.map((row) => clickFromRow({ ...row, token: decodeText(row.token), verdict_id: decodeText(row.verdict_id), url: decodeText(row.url), actor: decodeOrNull(row.actor) }));
  }
}
