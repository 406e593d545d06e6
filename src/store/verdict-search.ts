import type { DeliveryAction, Verdict } from '../core/verdict.js';
import type { StoredVerdict } from './store.js';

/** What the message list filters on; every field optional, all given fields must hold. */
export interface VerdictFilter {
  /** analysedAt >= from (ms). */
  readonly from?: number;
  /** analysedAt < to (ms). */
  readonly to?: number;
  /** Exact sender address (lower case). */
  readonly sender?: string;
  /** One of the recipients, exactly (lower case). */
  readonly recipient?: string;
  /** At least one of these recipients (lower case): a group's members. Empty matches nothing. */
  readonly recipientsAny?: readonly string[];
  /** The sender's domain, exactly (lower case). */
  readonly senderDomain?: string;
  readonly tag?: string;
  readonly action?: DeliveryAction;
  readonly direction?: Verdict['direction'];
  readonly minScore?: number;
  readonly maxScore?: number;
  /** Case-insensitive substring of the subject or the sender. */
  readonly text?: string;
}

export interface VerdictPage {
  readonly limit: number;
  readonly offset?: number;
}

export interface VerdictSearchResult {
  /** Newest first (analysedAt, then id), like listVerdicts. */
  readonly items: StoredVerdict[];
  /** True when at least one more verdict matches past this page (no COUNT(*): it costs a full scan). */
  readonly hasMore: boolean;
}

/** Verdict counts grouped by UTC day, direction, delivery action and tag set. */
export interface VerdictCountRow {
  /** Start of the UTC day, ms. */
  readonly day: number;
  readonly direction: string;
  readonly delivery: string;
  readonly tags: readonly string[];
  readonly count: number;
}

export type VerdictGroupField = 'recipient' | 'sender' | 'senderDomain';

export interface VerdictGroupOptions {
  readonly by: VerdictGroupField;
  /** A verdict scoring at least this counts as anomalous. */
  readonly anomalousScore: number;
  /** Rows returned, most anomalous first (then most total, then value ascending). */
  readonly limit: number;
}

export interface VerdictGroupRow {
  /** The recipient, sender or sender domain (lower case); verdicts without a sender are left out. */
  readonly value: string;
  readonly total: number;
  /** Verdicts scoring at least anomalousScore. */
  readonly anomalous: number;
  /** Verdicts whose delivery action was not plain delivery (banner, junk or hold). */
  readonly actioned: number;
  readonly held: number;
  readonly maxScore: number;
  readonly lastAt: number;
}

export const DAY_MS = 86_400_000;

/** `%`, `_` and the escape character itself made literal for LIKE ... ESCAPE '\'. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

/**
 * The WHERE clause both backends run, with their own placeholder spelling. Tags and recipients
 * are JSON arrays in a TEXT column: matching the JSON-encoded string (quotes included) inside
 * it finds exact elements without JSON functions, which the two databases spell differently.
 */
export function verdictWhere(filter: VerdictFilter, placeholder: (n: number) => string): { sql: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  const add = (clause: (p: string) => string, value: string | number) => {
    params.push(value);
    clauses.push(clause(placeholder(params.length)));
  };
  if (filter.from !== undefined) add((p) => `analysed_at >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `analysed_at < ${p}`, filter.to);
  if (filter.sender !== undefined) add((p) => `sender = ${p}`, filter.sender);
  if (filter.recipient !== undefined) add((p) => `recipients LIKE ${p} ESCAPE '\\'`, `%${likeLiteral(JSON.stringify(filter.recipient))}%`);
  if (filter.recipientsAny !== undefined) {
    // A group with no members matches nothing, rather than (with no clause) everything.
    const alternatives = filter.recipientsAny.map((r) => {
      params.push(`%${likeLiteral(JSON.stringify(r))}%`);
      return `recipients LIKE ${placeholder(params.length)} ESCAPE '\\'`;
    });
    clauses.push(alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '1 = 0');
  }
  if (filter.senderDomain !== undefined) add((p) => `sender_domain = ${p}`, filter.senderDomain);
  if (filter.tag !== undefined) add((p) => `tags LIKE ${p} ESCAPE '\\'`, `%${likeLiteral(JSON.stringify(filter.tag))}%`);
  if (filter.action !== undefined) add((p) => `delivery = ${p}`, filter.action);
  if (filter.direction !== undefined) add((p) => `direction = ${p}`, filter.direction);
  if (filter.minScore !== undefined) add((p) => `score >= ${p}`, filter.minScore);
  if (filter.maxScore !== undefined) add((p) => `score <= ${p}`, filter.maxScore);
  if (filter.text !== undefined && filter.text !== '') {
    // The pattern goes in twice: SQLite's `?` placeholders are positional, one value each.
    const pattern = `%${likeLiteral(filter.text.toLowerCase())}%`;
    params.push(pattern);
    const first = placeholder(params.length);
    params.push(pattern);
    const second = placeholder(params.length);
    clauses.push(`(lower(subject) LIKE ${first} ESCAPE '\\' OR lower(coalesce(sender, '')) LIKE ${second} ESCAPE '\\')`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The domain of a sender address: what follows its last '@', lower case; null without one. */
export function senderDomainOf(sender: string | null): string | null {
  if (sender === null) return null;
  const at = sender.lastIndexOf('@');
  return at < 0 ? null : sender.slice(at + 1).toLowerCase();
}

/** The indexed copies saved beside a verdict's body (migrations 3 and 4). */
export function verdictSearchColumns(v: Verdict): { sender: string | null; senderDomain: string | null; recipients: string; subject: string; delivery: string; direction: string } {
  return { sender: v.from, senderDomain: senderDomainOf(v.from), recipients: JSON.stringify(v.recipients), subject: v.subject, delivery: v.actions.delivery, direction: v.direction };
}
