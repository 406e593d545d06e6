import { BelongError, ERROR_CODES } from '../errors.js';
import type { DashboardRecord } from './dashboards.js';
import type { MessageContent } from './message-content.js';
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

/** transitionQuarantine changes one entry in place: a `next` naming another id would be a second entry. */
export function checkTransition(id: string, next: QuarantineEntry): void {
  if (next.id !== id) throw new BelongError(ERROR_CODES.STORE, `transitionQuarantine: the new entry is ${next.id}, not ${id}`, id);
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

/** A time bound must be whole milliseconds: PostgreSQL refuses a fraction for BIGINT, SQLite would compare it. */
export function checkInstant(what: string, at: number): void {
  if (!Number.isSafeInteger(at)) throw new BelongError(ERROR_CODES.STORE, `${what} needs whole milliseconds, got ${at}`);
}

export interface DashboardRow {
  id: string;
  owner_id: string;
  name: string;
  shared: number;
  widgets: string;
  created_at: number;
  updated_at: number;
}

export const DASHBOARD_COLUMNS = 'id, owner_id, name, shared, widgets, created_at, updated_at';

/** The columns in DASHBOARD_COLUMNS order; widgets as JSON text (the API owns their shape). */
export function dashboardColumns(d: DashboardRecord): [string, string, string, number, string, number, number] {
  return [d.id, d.ownerId, d.name, d.shared ? 1 : 0, JSON.stringify(d.widgets), d.createdAt, d.updatedAt];
}

export function dashboardFromRow(row: DashboardRow): DashboardRecord {
  const widgets = parseJson(row.widgets, `dashboard ${row.id}`);
  if (!Array.isArray(widgets)) throw new BelongError(ERROR_CODES.STORE, 'stored dashboard widgets are not a list', row.id);
  return { id: row.id, ownerId: row.owner_id, name: row.name, shared: Number(row.shared) === 1, widgets, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}

export function messageContentFromRow(row: { body: string }, verdictId: string): MessageContent {
  const content = parseJson(row.body, verdictId);
  if (typeof content !== 'object' || content === null || !('headers' in content) || !('text' in content)) {
    throw new BelongError(ERROR_CODES.STORE, 'stored message content has an unexpected shape', verdictId);
  }
  return content as MessageContent;
}

function parseJson(text: string, subject: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new BelongError(ERROR_CODES.STORE, 'stored JSON does not parse', subject, { cause });
  }
}
