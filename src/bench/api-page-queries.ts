/**
 * The requests the dashboard's other pages send on every visit (web/src/pages, the widget
 * cards and the filter options), with their addresses chosen from the seeded data: the
 * overview over each period it offers, the people page and a person, the metrics behind the
 * tag dropdown, each kind of widget, sender and domain profiles, and the held queue.
 */
import { type SeedStats, nearest, ranked } from './api-list-queries.js';

const DAY = 86_400_000;

export interface PageQuery {
  /** The dashboard page (or part) that sends it: the printed table groups by this. */
  readonly page: string;
  readonly name: string;
  /** Path and query string under the server's base. */
  readonly url: string;
}

function withQuery(path: string, query: Record<string, string | number>): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** The people page's period: ends now rounded up to the minute, as web/src/pages/PeoplePage.tsx sends it. */
function period(now: number, days: number): { from: string; to: string } {
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() };
}

export function pageQueries(stats: SeedStats, org: { domain: string; groups: Readonly<Record<string, readonly string[]>> }, now: number): PageQuery[] {
  const people = ranked(stats.recipients).filter(([address]) => address.endsWith(`@${org.domain}`));
  const busyPerson = people[0]?.[0] ?? '';
  const typicalPerson = people[Math.floor(people.length / 2)]?.[0] ?? '';
  const busySender = ranked(stats.senders)[0]?.[0] ?? '';
  const typicalSender = nearest(stats.senders, 20);
  // The organisation's own domain tops the volume; a correspondent's is what an analyst opens.
  const external = new Map([...stats.senderDomains].filter(([domain]) => domain !== org.domain));
  const busyDomain = ranked(external)[0]?.[0] ?? '';
  const typicalDomain = nearest(external, 20);
  const group = Object.keys(org.groups)[0] ?? '';
  const page = (name: string) => (label: string, path: string, query: Record<string, string | number> = {}): PageQuery => ({ page: name, name: label, url: withQuery(path, query) });
  const overview = page('overview');
  const peoplePage = page('people');
  const metrics = page('metrics');
  const widget = page('widgets');
  const profile = page('profiles');
  const held = page('held');
  return [
    overview('overview days=7', '/overview', { days: 7 }),
    overview('overview days=30 (landing page)', '/overview', { days: 30 }),
    overview('overview days=90', '/overview', { days: 90 }),
    overview('overview days=365', '/overview', { days: 365 }),
    peoplePage('people, 7 days', '/people', { ...period(now, 7), limit: 100 }),
    peoplePage('people, 30 days', '/people', { ...period(now, 30), limit: 100 }),
    peoplePage('people, 90 days', '/people', { ...period(now, 90), limit: 100 }),
    peoplePage('person (busiest)', `/people/${encodeURIComponent(busyPerson)}`),
    peoplePage('person (typical)', `/people/${encodeURIComponent(typicalPerson)}`),
    metrics('metrics, default 30 days', '/metrics'),
    metrics('metrics, 365 days (tag choices)', '/metrics', { from: new Date(now - 365 * DAY).toISOString(), to: new Date(now).toISOString() }),
    metrics(`metrics, group=${group}`, '/metrics', { group }),
    widget('timeseries, 30 days', '/widgets/data', { view: 'timeseries', days: 30 }),
    widget('timeseries, action=hold, 90 days', '/widgets/data', { view: 'timeseries', action: 'hold', days: 90 }),
    widget('bar by tag', '/widgets/data', { view: 'bar', by: 'tag', days: 30 }),
    widget('bar by group', '/widgets/data', { view: 'bar', by: 'group', days: 30 }),
    widget('bar by recipient', '/widgets/data', { view: 'bar', by: 'recipient', days: 30 }),
    widget('bar by sender', '/widgets/data', { view: 'bar', by: 'sender', days: 30 }),
    widget('bar by senderDomain', '/widgets/data', { view: 'bar', by: 'senderDomain', days: 30 }),
    widget('bar by senderDomain, inbound minScore=50', '/widgets/data', { view: 'bar', by: 'senderDomain', direction: 'inbound', minScore: 50, days: 30 }),
    widget('bar by recipient, 90 days', '/widgets/data', { view: 'bar', by: 'recipient', days: 90 }),
    widget('table, 30 days', '/widgets/data', { view: 'table', days: 30 }),
    widget('table, minScore=50', '/widgets/data', { view: 'table', minScore: 50, days: 30 }),
    profile('sender (busiest)', `/senders/${encodeURIComponent(busySender)}`),
    profile('sender (typical)', `/senders/${encodeURIComponent(typicalSender)}`),
    profile('domain (busiest)', `/domains/${encodeURIComponent(busyDomain)}`),
    profile('domain (typical)', `/domains/${encodeURIComponent(typicalDomain)}`),
    held('held queue, first page', '/held', { state: 'held', limit: 51, offset: 0 }),
    held('release requests (up to 500)', '/held', { state: 'release_requested', limit: 500, offset: 0 }),
    held('held queue, page 5', '/held', { state: 'held', limit: 51, offset: 200 }),
    held('all states, first page', '/held', { limit: 51, offset: 0 }),
  ];
}
