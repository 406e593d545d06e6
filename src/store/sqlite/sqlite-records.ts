import type Database from 'better-sqlite3';
import { type AuditRow, type ClickRow, type QuarantineRow, auditFromRow, checkPaging, clickFromRow, quarantineColumns, quarantineFromRow } from '../records.js';
import type { AuditEntry, LinkClick, QuarantineEntry, QuarantineState, StoredAuditEntry } from '../store.js';

/**
 * The quarantine index, audit log and link clicks on SQLite. Kept apart from the profile
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
      getQuarantine: db.prepare<[string], QuarantineRow>('SELECT body FROM quarantine WHERE id = ?'),
      // NULL parameters mean "any": one statement serves every filter combination.
      listQuarantine: db.prepare<[string | null, string | null, string | null, string | null, number, number], QuarantineRow>(`
        SELECT body FROM quarantine
        WHERE (? IS NULL OR state = ?) AND (? IS NULL OR digest = ?)
        ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`),
      appendAudit: db.prepare<[number, string, string, string, string]>('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)'),
      listAudit: db.prepare<[number, number], AuditRow>('SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?'),
      recordClick: db.prepare<[string, string, string, number, string | null, string]>('INSERT INTO link_clicks (token, verdict_id, url, at, actor, outcome) VALUES (?, ?, ?, ?, ?, ?)'),
      listClicks: db.prepare<[string], ClickRow>('SELECT token, verdict_id, url, at, actor, outcome FROM link_clicks WHERE verdict_id = ? ORDER BY at ASC, seq ASC'),
    };
  }

  putQuarantine(entry: QuarantineEntry): void {
    this.s.putQuarantine.run(...quarantineColumns(entry));
  }

  getQuarantine(id: string): QuarantineEntry | null {
    const row = this.s.getQuarantine.get(id);
    return row ? quarantineFromRow(row) : null;
  }

  listQuarantine(options: { limit: number; offset?: number; state?: QuarantineState; digest?: string }): QuarantineEntry[] {
    const { limit, offset = 0, state = null, digest = null } = options;
    checkPaging('listQuarantine', limit, offset);
    return this.s.listQuarantine.all(state, state, digest, digest, limit, offset).map(quarantineFromRow);
  }

  appendAudit(entry: AuditEntry): void {
    this.s.appendAudit.run(entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.detail));
  }

  listAudit(options: { limit: number; offset?: number }): StoredAuditEntry[] {
    const { limit, offset = 0 } = options;
    checkPaging('listAudit', limit, offset);
    return this.s.listAudit.all(limit, offset).map(auditFromRow);
  }

  recordClick(click: LinkClick): void {
    this.s.recordClick.run(click.token, click.verdictId, click.url, click.at, click.actor, click.outcome);
  }

  listClicks(verdictId: string): LinkClick[] {
    return this.s.listClicks.all(verdictId).map(clickFromRow);
  }
}
