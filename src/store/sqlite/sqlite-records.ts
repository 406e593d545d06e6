import type Database from 'better-sqlite3';
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

type QuarantineListOptions = { limit: number; offset?: number; state?: QuarantineState; digest?: string; verdictId?: string };

/**
 * The quarantine index and sealed bytes, dashboards, audit log and link clicks on SQLite. Kept apart from the profile
 * statements: these are operator records, not the model. The audit table has triggers that
 * abort any UPDATE or DELETE (migration 2), so "append only" holds below this code too.
 */
export class SqliteRecords {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      putQuarantine: db.prepare<[string, string, string | null, string, string | null, string, number, string, number, number, string]>(`
        INSERT INTO quarantine (id, verdict_id, message_id, digest, sender, recipients, received_at, state, expires_at, updated_at, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
          verdict_id = excluded.verdict_id, message_id = excluded.message_id, digest = excluded.digest,
          sender = excluded.sender, recipients = excluded.recipients, received_at = excluded.received_at,
          state = excluded.state, expires_at = excluded.expires_at, updated_at = excluded.updated_at, body = excluded.body`),
      // One statement for any set of states: they come as a JSON array. The WHERE is the whole guard.
      transitionQuarantine: db.prepare<[string, string | null, string, string | null, string, number, string, number, number, string, string, string, number | null, number | null]>(`
        UPDATE quarantine SET
          verdict_id = ?, message_id = ?, digest = ?, sender = ?, recipients = ?, received_at = ?,
          state = ?, expires_at = ?, updated_at = ?, body = ?
        WHERE id = ? AND state IN (SELECT value FROM json_each(?)) AND (? IS NULL OR updated_at = ?)`),
      getQuarantine: db.prepare<[string], QuarantineRow>('SELECT body FROM quarantine WHERE id = ?'),
      // NULL parameters mean "any": one statement serves every filter combination.
      listQuarantine: db.prepare<[string | null, string | null, string | null, string | null, number, number], QuarantineRow>(`
        SELECT body FROM quarantine
        WHERE (? IS NULL OR state = ?) AND (? IS NULL OR digest = ?)
        ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`),
      // Its own statement so the verdict_id index serves it (SQLite cannot see past `? IS NULL OR`).
      listQuarantineByVerdict: db.prepare<[string, string | null, string | null, string | null, string | null, number, number], QuarantineRow>(`
        SELECT body FROM quarantine
        WHERE verdict_id = ? AND (? IS NULL OR state = ?) AND (? IS NULL OR digest = ?)
        ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`),
      putBlob: db.prepare<[string, Buffer]>('INSERT INTO quarantine_blobs (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed'),
      getBlob: db.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM quarantine_blobs WHERE id = ?'),
      deleteBlob: db.prepare<[string]>('DELETE FROM quarantine_blobs WHERE id = ?'),
      createDashboard: db.prepare<[string, string, string, number, string, number, number]>(`INSERT INTO dashboards (${DASHBOARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      updateDashboard: db.prepare<[string, number, string, number, string]>('UPDATE dashboards SET name = ?, shared = ?, widgets = ?, updated_at = ? WHERE id = ?'),
      deleteDashboard: db.prepare<[string]>('DELETE FROM dashboards WHERE id = ?'),
      getDashboard: db.prepare<[string], DashboardRow>(`SELECT ${DASHBOARD_COLUMNS} FROM dashboards WHERE id = ?`),
      listDashboards: db.prepare<[string], DashboardRow>(`SELECT ${DASHBOARD_COLUMNS} FROM dashboards WHERE owner_id = ? OR shared = 1 ORDER BY name, id`),
      appendAudit: db.prepare<[number, string, string, string, string]>('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)'),
      listAudit: db.prepare<[number, number], AuditRow>('SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?'),
      listAuditBySubject: db.prepare<[string, number, number], AuditRow>('SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE subject = ? ORDER BY seq DESC LIMIT ? OFFSET ?'),
      recordClick: db.prepare<[string, string, string, number, string | null, string]>('INSERT INTO link_clicks (token, verdict_id, url, at, actor, outcome) VALUES (?, ?, ?, ?, ?, ?)'),
      listClicks: db.prepare<[string], ClickRow>('SELECT token, verdict_id, url, at, actor, outcome FROM link_clicks WHERE verdict_id = ? ORDER BY at ASC, seq ASC'),
    };
  }

  putQuarantine(entry: QuarantineEntry): void {
    this.s.putQuarantine.run(...quarantineColumns(entry));
  }

  transitionQuarantine(id: string, from: readonly QuarantineState[], next: QuarantineEntry, updatedAt: number | null): boolean {
    checkTransition(id, next);
    const [, ...columns] = quarantineColumns(next);
    return this.s.transitionQuarantine.run(...columns, id, JSON.stringify(from), updatedAt, updatedAt).changes === 1;
  }

  getQuarantine(id: string): QuarantineEntry | null {
    const row = this.s.getQuarantine.get(id);
    return row ? quarantineFromRow(row) : null;
  }

  listQuarantine(options: QuarantineListOptions): QuarantineEntry[] {
    const { limit, offset = 0, state = null, digest = null, verdictId } = options;
    checkPaging('listQuarantine', limit, offset);
    const rows = verdictId === undefined ? this.s.listQuarantine.all(state, state, digest, digest, limit, offset) : this.s.listQuarantineByVerdict.all(verdictId, state, state, digest, digest, limit, offset);
    return rows.map(quarantineFromRow);
  }
  putQuarantineBlob(id: string, sealed: Buffer): void {
    this.s.putBlob.run(id, sealed);
  }
  getQuarantineBlob(id: string): Buffer | null {
    return this.s.getBlob.get(id)?.sealed ?? null;
  }
  deleteQuarantineBlob(id: string): void {
    this.s.deleteBlob.run(id);
  }
  createDashboard(dashboard: DashboardRecord): boolean {
    return this.s.createDashboard.run(...dashboardColumns(dashboard)).changes === 1;
  }
  updateDashboard(dashboard: DashboardRecord): void {
    const [id, , name, shared, widgets, , updatedAt] = dashboardColumns(dashboard);
    this.s.updateDashboard.run(name, shared, widgets, updatedAt, id);
  }
  deleteDashboard(id: string): boolean {
    return this.s.deleteDashboard.run(id).changes === 1;
  }
  getDashboard(id: string): DashboardRecord | null {
    const row = this.s.getDashboard.get(id);
    return row ? dashboardFromRow(row) : null;
  }
  listDashboards(userId: string): DashboardRecord[] {
    return this.s.listDashboards.all(userId).map(dashboardFromRow);
  }

  appendAudit(entry: AuditEntry): void {
    this.s.appendAudit.run(entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.detail));
  }

  listAudit(options: { limit: number; offset?: number; subject?: string }): StoredAuditEntry[] {
    const { limit, offset = 0, subject } = options;
    checkPaging('listAudit', limit, offset);
    const rows = subject === undefined ? this.s.listAudit.all(limit, offset) : this.s.listAuditBySubject.all(subject, limit, offset);
    return rows.map(auditFromRow);
  }

  recordClick(click: LinkClick): void {
    this.s.recordClick.run(click.token, click.verdictId, click.url, click.at, click.actor, click.outcome);
  }

  listClicks(verdictId: string): LinkClick[] {
    return this.s.listClicks.all(verdictId).map(clickFromRow);
  }
}
