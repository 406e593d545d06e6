import type pg from 'pg';
import type { DashboardRecord } from '../dashboards.js';
import {
  type AuditRow,
  type ClickRow,
  DASHBOARD_COLUMNS,
  type DashboardRow,
  type QuarantineRow,
  auditFromRow,
  checkPaging,
  checkTransition,
  clickFromRow,
  dashboardColumns,
  dashboardFromRow,
  quarantineColumns,
  quarantineFromRow,
} from '../records.js';
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
// Under READ COMMITTED a racing UPDATE waits for the row lock and then re-checks this WHERE
// against the committed row, so only the first of several racing transitions changes it.
const TRANSITION_QUARANTINE = `
UPDATE quarantine SET
  verdict_id = $2, message_id = $3, digest = $4, sender = $5, recipients = $6, received_at = $7,
  state = $8, expires_at = $9, updated_at = $10, body = $11
WHERE id = $1 AND state = ANY($12::text[]) AND ($13::bigint IS NULL OR updated_at = $13)`;
const GET_QUARANTINE = 'SELECT body FROM quarantine WHERE id = $1';
// COLLATE "C" so the id tie-break orders bytes exactly as SQLite does.
const LIST_QUARANTINE = `
SELECT body FROM quarantine
WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR digest = $2)
ORDER BY received_at DESC, id COLLATE "C" DESC LIMIT $3 OFFSET $4`;
// Its own statement, so the verdict_id index plainly serves the email page's "is this held?".
const LIST_QUARANTINE_BY_VERDICT = `
SELECT body FROM quarantine
WHERE verdict_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR digest = $3)
ORDER BY received_at DESC, id COLLATE "C" DESC LIMIT $4 OFFSET $5`;
const PUT_BLOB = 'INSERT INTO quarantine_blobs (id, sealed) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed';
const GET_BLOB = 'SELECT sealed FROM quarantine_blobs WHERE id = $1';
const DELETE_BLOB = 'DELETE FROM quarantine_blobs WHERE id = $1';
const CREATE_DASHBOARD = `INSERT INTO dashboards (${DASHBOARD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`;
const UPDATE_DASHBOARD = 'UPDATE dashboards SET name = $1, shared = $2, widgets = $3, updated_at = $4 WHERE id = $5';
const DELETE_DASHBOARD = 'DELETE FROM dashboards WHERE id = $1';
const GET_DASHBOARD = `SELECT ${DASHBOARD_COLUMNS} FROM dashboards WHERE id = $1`;
const LIST_DASHBOARDS = `SELECT ${DASHBOARD_COLUMNS} FROM dashboards WHERE owner_id = $1 OR shared = 1 ORDER BY name COLLATE "C", id COLLATE "C"`;
const APPEND_AUDIT = 'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)';
const LIST_AUDIT = 'SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT $1 OFFSET $2';
const LIST_AUDIT_BY_SUBJECT = 'SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE subject = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3';
const RECORD_CLICK = 'INSERT INTO link_clicks (token, verdict_id, url, at, actor, outcome) VALUES ($1, $2, $3, $4, $5, $6)';
const LIST_CLICKS = 'SELECT token, verdict_id, url, at, actor, outcome FROM link_clicks WHERE verdict_id = $1 ORDER BY at ASC, seq ASC';

const orNull = (text: string | null): string | null => (text === null ? null : encodeText(text));
const decodeOrNull = (text: string | null): string | null => (text === null ? null : decodeText(text));

/** A link_clicks row with its text columns decoded (see pg-text.ts). */
export function clickFromPostgres(row: ClickRow): LinkClick {
  return clickFromRow({ ...row, token: decodeText(row.token), verdict_id: decodeText(row.verdict_id), url: decodeText(row.url), actor: decodeOrNull(row.actor) });
}

/**
 * The quarantine index and sealed bytes, dashboards, audit log and link clicks on PostgreSQL. Text columns go through
 * encodeText (hostile mail may carry U+0000); the JSON bodies escape it already. The audit
 * table has a trigger that raises on UPDATE, DELETE and TRUNCATE (migration 2).
 */
export class PostgresRecords {
  constructor(private readonly query: RunQuery) {}

  async putQuarantine(entry: QuarantineEntry): Promise<void> {
    const [id, verdictId, messageId, digest, sender, ...rest] = quarantineColumns(entry);
    await this.query('belong_put_quarantine', PUT_QUARANTINE, [encodeText(id), encodeText(verdictId), orNull(messageId), encodeText(digest), orNull(sender), ...rest]);
  }

  async transitionQuarantine(id: string, from: readonly QuarantineState[], next: QuarantineEntry, updatedAt: number | null): Promise<boolean> {
    checkTransition(id, next);
    const [, verdictId, messageId, digest, sender, ...rest] = quarantineColumns(next);
    const values = [encodeText(id), encodeText(verdictId), orNull(messageId), encodeText(digest), orNull(sender), ...rest, [...from], updatedAt];
    const result = await this.query('belong_transition_quarantine', TRANSITION_QUARANTINE, values);
    return result.rowCount === 1;
  }

  async getQuarantine(id: string): Promise<QuarantineEntry | null> {
    const { rows } = await this.query<QuarantineRow>('belong_get_quarantine', GET_QUARANTINE, [encodeText(id)]);
    const row = rows[0];
    return row ? quarantineFromRow(row) : null;
  }

  async listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string; verdictId?: string }): Promise<QuarantineEntry[]> {
    const { limit, offset = 0, state = null, digest = null, verdictId } = options;
    checkPaging('listQuarantine', limit, offset);
    const { rows } =
      verdictId === undefined
        ? await this.query<QuarantineRow>('belong_list_quarantine', LIST_QUARANTINE, [state, orNull(digest), limit, offset])
        : await this.query<QuarantineRow>('belong_list_quarantine_by_verdict', LIST_QUARANTINE_BY_VERDICT, [encodeText(verdictId), state, orNull(digest), limit, offset]);
    return rows.map(quarantineFromRow);
  }

  async putQuarantineBlob(id: string, sealed: Buffer): Promise<void> {
    await this.query('belong_put_quarantine_blob', PUT_BLOB, [encodeText(id), sealed]);
  }

  async getQuarantineBlob(id: string): Promise<Buffer | null> {
    const { rows } = await this.query<{ sealed: Buffer }>('belong_get_quarantine_blob', GET_BLOB, [encodeText(id)]);
    return rows[0]?.sealed ?? null;
  }

  async deleteQuarantineBlob(id: string): Promise<void> {
    await this.query('belong_delete_quarantine_blob', DELETE_BLOB, [encodeText(id)]);
  }

  async createDashboard(dashboard: DashboardRecord): Promise<boolean> {
    const result = await this.query('belong_create_dashboard', CREATE_DASHBOARD, encodeDashboard(dashboard));
    return result.rowCount === 1;
  }

  async updateDashboard(dashboard: DashboardRecord): Promise<void> {
    const [id, , name, shared, widgets, , updatedAt] = encodeDashboard(dashboard);
    await this.query('belong_update_dashboard', UPDATE_DASHBOARD, [name, shared, widgets, updatedAt, id]);
  }

  async deleteDashboard(id: string): Promise<boolean> {
    const result = await this.query('belong_delete_dashboard', DELETE_DASHBOARD, [encodeText(id)]);
    return result.rowCount === 1;
  }

  async getDashboard(id: string): Promise<DashboardRecord | null> {
    const { rows } = await this.query<DashboardRow>('belong_get_dashboard', GET_DASHBOARD, [encodeText(id)]);
    return rows[0] ? decodeDashboard(rows[0]) : null;
  }

  async listDashboards(userId: string): Promise<DashboardRecord[]> {
    const { rows } = await this.query<DashboardRow>('belong_list_dashboards', LIST_DASHBOARDS, [encodeText(userId)]);
    return rows.map(decodeDashboard);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.query('belong_append_audit', APPEND_AUDIT, [entry.at, encodeText(entry.actor), encodeText(entry.action), encodeText(entry.subject), JSON.stringify(entry.detail)]);
  }

  async listAudit(options: { limit: number; offset?: number; subject?: string }): Promise<StoredAuditEntry[]> {
    const { limit, offset = 0, subject } = options;
    checkPaging('listAudit', limit, offset);
    const { rows } =
      subject === undefined
        ? await this.query<AuditRow>('belong_list_audit', LIST_AUDIT, [limit, offset])
        : await this.query<AuditRow>('belong_list_audit_by_subject', LIST_AUDIT_BY_SUBJECT, [encodeText(subject), limit, offset]);
    return rows.map((row) => auditFromRow({ ...row, actor: decodeText(row.actor), action: decodeText(row.action), subject: decodeText(row.subject) }));
  }

  async recordClick(click: LinkClick): Promise<void> {
    await this.query('belong_record_click', RECORD_CLICK, [encodeText(click.token), encodeText(click.verdictId), encodeText(click.url), click.at, orNull(click.actor), click.outcome]);
  }

  async listClicks(verdictId: string): Promise<LinkClick[]> {
    const { rows } = await this.query<ClickRow>('belong_list_clicks', LIST_CLICKS, [encodeText(verdictId)]);
    return rows.map(clickFromPostgres);
  }
}

/** Dashboard columns with the text ones made storable (the widgets JSON escapes U+0000 already). */
function encodeDashboard(d: DashboardRecord): [string, string, string, number, string, number, number] {
  const [id, ownerId, name, ...rest] = dashboardColumns(d);
  return [encodeText(id), encodeText(ownerId), encodeText(name), ...rest];
}

function decodeDashboard(row: DashboardRow): DashboardRecord {
  return dashboardFromRow({ ...row, id: decodeText(row.id), owner_id: decodeText(row.owner_id), name: decodeText(row.name) });
}
