import { BelongError, ERROR_CODES } from '../errors.js';
import type { LinkClick, QuarantineEntry, StoredAuditEntry } from './store.js';

/**
 * Row ↔ record mapping shared by both backends, so SQLite and PostgreSQL cannot disagree on
 * what a quarantine entry, an audit line or a click looks like when read back.
 */
export interface QuarantineRow {
  body: string;
}
export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}
export interface ClickRow {
  token: string;
  verdict_id: string;
  url: string;
  at: number;
  actor: string | null;
  outcome: string;
}

/** The indexed columns in insert order, then the whole entry as JSON. */
export function quarantineColumns(e: QuarantineEntry): [string, string, string | null, string, string | null, string, number, string, number, number, string] {
  return [e.id, e.verdictId, e.messageId, e.digest, e.sender, JSON.stringify(e.recipients), e.receivedAt, e.state, e.expiresAt, e.updatedAt, JSON.stringify(e)];
}

export function quarantineFromRow(row: QuarantineRow): QuarantineEntry {
  return JSON.parse(row.body) as QuarantineEntry;
}

export function auditFromRow(row: AuditRow): StoredAuditEntry {
  return { seq: Number(row.seq), at: Number(row.at), actor: row.actor, action: row.action, subject: row.subject, detail: JSON.parse(row.detail) as Record<string, unknown> };
}

export function clickFromRow(row: ClickRow): LinkClick {
  return { token: row.token, verdictId: row.verdict_id, url: row.url, at: Number(row.at), actor: row.actor, outcome: row.outcome === 'continued' ? 'continued' : 'blocked' };
}

/** Same paging contract as listVerdicts: a negative LIMIT would mean "no limit" in SQLite. */
export function checkPaging(what: string, limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new BelongError(ERROR_CODES.STORE, `${what} needs non-negative integers, got limit=${limit} offset=${offset}`);
  }
}
