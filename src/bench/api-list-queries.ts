/**
 * The message-list queries an analyst's dashboard actually sends, with their values chosen
 * from the seeded data (a busy sender, a typical person, a common and a rare tag, a subject
 * word), each as both the GET /api/v1/messages query string and the store filter it means
 * (the filter counts matches and explains the plan of a slow query).
 */
import type { Verdict } from '../core/verdict.js';
import type { VerdictFilter } from '../store/verdict-search.js';

const DAY = 86_400_000;
const PAGE = 50;

export interface ListQuery {
  readonly name: string;
  readonly filter: VerdictFilter;
  /** A named group (expands to recipientsAny in the filter); needs the API's `group` parameter. */
  readonly group?: string;
  readonly offset: number;
}

/** What the seeded data holds, so each query's value is a realistic one rather than a guess. */
export class SeedStats {
  readonly senders = new Map<string, number>();
  readonly senderDomains = new Map<string, number>();
  readonly recipients = new Map<string, number>();
  readonly tags = new Map<string, number>();
  readonly subjectWords = new Map<string, number>();
  newest = 0;

  add(v: Verdict): void {
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    if (v.from) bump(this.senders, v.from.toLowerCase());
    const domain = v.from?.split('@').pop()?.toLowerCase();
    if (domain) bump(this.senderDomains, domain);
    for (const r of v.recipients) bump(this.recipients, r.toLowerCase());
    for (const t of v.tags) bump(this.tags, t);
    for (const w of new Set(v.subject.toLowerCase().match(/\p{L}{5,}/gu) ?? [])) bump(this.subjectWords, w);
    this.newest = Math.max(this.newest, v.analysedAt);
  }
}

/** Entries by count, most first (ties by key, so the choice is reproducible). */
export function ranked(map: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** The entry whose count is closest to `target`. */
export function nearest(map: ReadonlyMap<string, number>, target: number): string {
  const best = ranked(map).reduce((a, b) => (Math.abs(b[1] - target) < Math.abs(a[1] - target) ? b : a));
  return best[0];
}

export function listQueries(stats: SeedStats, total: number, org: { domain: string; groups: Readonly<Record<string, readonly string[]>> }): ListQuery[] {
  const groups = org.groups;
  const week = { from: stats.newest - 7 * DAY, to: stats.newest + 1 };
  const monthAgo = { from: stats.newest - 67 * DAY, to: stats.newest - 60 * DAY };
  const tags = ranked(stats.tags);
  const commonTag = tags[0]?.[0] ?? 'First Contact';
  const rareTag = tags[tags.length - 1]?.[0] ?? commonTag;
  const busySender = ranked(stats.senders)[0]?.[0] ?? '';
  const typicalSender = nearest(stats.senders, 20);
  // The organisation's own people: outbound mail's external recipients are mostly one-offs.
  const people = ranked(stats.recipients).filter(([address]) => address.endsWith(`@${org.domain}`));
  const typicalPerson = people[Math.floor(people.length / 2)]?.[0] ?? '';
  const busyPerson = people[0]?.[0] ?? '';
  // A word in roughly one subject in a hundred: a search that finds a page or two.
  const word = nearest(stats.subjectWords, total / 100);
  const q = (name: string, filter: VerdictFilter, offset = 0): ListQuery => ({ name, filter, offset });
  const group = (name: string, extra: VerdictFilter = {}): ListQuery => ({ name: `group=${name}${Object.keys(extra).length ? ' + more' : ''}`, filter: { ...extra, recipientsAny: groups[name] ?? [] }, group: name, offset: 0 });
  return [
    q('first page, unfiltered', {}),
    q('page 20, unfiltered', {}, 19 * PAGE),
    q('page 200, unfiltered', {}, 199 * PAGE),
    q(`tag=${commonTag} (common)`, { tag: commonTag }),
    q(`tag=${rareTag} (rare)`, { tag: rareTag }),
    q('action=hold', { action: 'hold' }),
    q('action=junk', { action: 'junk' }),
    q('minScore=60', { minScore: 60 }),
    q('sender (busiest)', { sender: busySender }),
    q('sender (typical)', { sender: typicalSender }),
    q('senderDomain (busiest)', { senderDomain: ranked(stats.senderDomains)[0]?.[0] ?? '' }),
    q('senderDomain (typical)', { senderDomain: nearest(stats.senderDomains, 20) }),
    q('recipient (busiest)', { recipient: busyPerson }),
    q('recipient (typical)', { recipient: typicalPerson }),
    group('executives'),
    group('finance'),
    q(`q=${word}`, { text: word }),
    q('q= no match', { text: 'zqxj-nothing' }),
    q('last 7 days', week),
    q('a week 60 days ago', monthAgo),
    q('inbound + minScore=60 + last 7 days', { direction: 'inbound', minScore: 60, ...week }),
    q(`tag=${commonTag} + action=banner`, { tag: commonTag, action: 'banner' }),
    q('recipient (typical) + minScore=30', { recipient: typicalPerson, minScore: 30 }),
    { ...group('finance', { action: 'hold' }), name: 'group=finance + action=hold' },
    q(`q=${word} + inbound`, { text: word, direction: 'inbound' }),
  ];
}

/** The API parameters a query needs beyond the long-standing ones (older servers lack them). */
export function newerParameters(query: ListQuery): string[] {
  return [...(query.group !== undefined ? ['group'] : []), ...(query.filter.senderDomain !== undefined ? ['senderDomain'] : [])];
}

/** The query string the dashboard would send for `query`. */
export function queryString(query: ListQuery): string {
  const f = query.filter;
  const params = new URLSearchParams();
  if (f.from !== undefined) params.set('from', new Date(f.from).toISOString());
  if (f.to !== undefined) params.set('to', new Date(f.to).toISOString());
  if (f.sender !== undefined) params.set('sender', f.sender);
  if (f.recipient !== undefined) params.set('recipient', f.recipient);
  if (query.group !== undefined) params.set('group', query.group);
  if (f.senderDomain !== undefined) params.set('senderDomain', f.senderDomain);
  if (f.tag !== undefined) params.set('tag', f.tag);
  if (f.action !== undefined) params.set('action', f.action);
  if (f.direction !== undefined) params.set('direction', f.direction);
  if (f.minScore !== undefined) params.set('minScore', String(f.minScore));
  if (f.maxScore !== undefined) params.set('maxScore', String(f.maxScore));
  if (f.text !== undefined) params.set('q', f.text);
  params.set('limit', String(PAGE));
  params.set('offset', String(query.offset));
  return `/api/v1/messages?${params.toString()}`;
}

export const PAGE_SIZE = PAGE;
