import { namedGroupsOf, vipEvidence, type VipEvidence } from '../../core/behaviour/vips.js';
import { VIP_CANDIDATES_READ } from '../../core/model/features/groups.js';
import { BehaviourKeys } from '../../core/model/behaviour-keys.js';
import { isInternalAddress, type Org } from '../../core/org.js';
import { ANY_VALUE, ProfileView } from '../../core/profile.js';
import type { LinkClick, Store, StoredVerdict } from '../../store/store.js';
import type { RecipientClick } from '../../store/verdict-recipients.js';
import type { VerdictGroupRow } from '../../store/verdict-search.js';
import type { ApiContext } from '../context.js';
import { anomalousScoreOf, linkLockScoreOf, policyOf } from './anomalous-threshold.js';
import type { Person } from './insight-schemas.js';
import { exposureOf, exposureReasons, type ExposureFacts } from './people-exposure.js';

export interface Window {
  readonly from: number;
  readonly to: number;
}

/** Newest locked-link-scoring messages per person whose clicks are read (each is one listClicks). */
export const CLICK_VERDICTS_READ = 25;
/** Tags listed per person. */
const TOP_TAGS = 5;
/** Rows read when looking for one person's row among a message set's co-recipients. */
const ONE_PERSON_ROWS = 200;

interface Thresholds {
  readonly anomalousScore: number;
  /** Mail scoring below this had no link locked by score, so its clicks are not looked for. */
  readonly lockScore: number;
}

function thresholds(ctx: ApiContext): Thresholds {
  const policy = policyOf(ctx);
  return { anomalousScore: anomalousScoreOf(policy), lockScore: linkLockScoreOf(policy) };
}

/**
 * VIP evidence for these people in one batched read: configured VIPs when the organisation has a
 * list, else learned from the mail graph (the same counters and thresholds the checks use).
 */
async function vipsOf(store: Store, org: Org, people: readonly string[]): Promise<Map<string, VipEvidence>> {
  const queries = org.vips && org.vips.length > 0 ? [] : [BehaviourKeys.vipQuery('internalIn', VIP_CANDIDATES_READ), BehaviourKeys.vipQuery('broadcast', VIP_CANDIDATES_READ)];
  const keys = queries.length > 0 ? people.map((p) => BehaviourKeys.writtenBy(p, ANY_VALUE)) : [];
  const [counters, values] = await Promise.all([keys.length > 0 ? store.readProfiles(keys) : new Map(), queries.length > 0 ? store.readValues(queries) : new Map()]);
  const view = new ProfileView(counters, values);
  return new Map(people.map((p) => [p, vipEvidence(p, view, org)]));
}

/**
 * A click counts for a person when the link page was told it was them, or, when it was not told,
 * when the message went to them alone (a click on mail to several people cannot be attributed).
 */
function clickIsTheirs({ recipient, click, recipientCount }: RecipientClick): boolean {
  return click.actor !== null ? click.actor.toLowerCase() === recipient : recipientCount === 1;
}

interface Detail {
  readonly topTags: ExposureFacts['topTags'];
  readonly clicks: LinkClick[];
}

/**
 * Per-person detail the grouped counts do not carry, for several people in two reads: tags of
 * their anomalous mail (exact) and their clicks (on their CLICK_VERDICTS_READ newest messages
 * scoring at least the lock score). People without either get an empty detail.
 */
async function detailsOf(store: Store, addresses: readonly string[], window: Window, t: Thresholds): Promise<Map<string, Detail>> {
  if (addresses.length === 0) return new Map();
  const [tagRows, clickRows] = await Promise.all([
    store.countRecipientTags({ ...window, minScore: t.anomalousScore }, addresses),
    store.recipientClicks({ ...window, minScore: t.lockScore }, addresses, CLICK_VERDICTS_READ),
  ]);
  const tags = new Map<string, Map<string, number>>(addresses.map((a) => [a, new Map()]));
  for (const row of tagRows) {
    const theirs = tags.get(row.recipient);
    for (const tag of row.tags) theirs?.set(tag, (theirs.get(tag) ?? 0) + row.count);
  }
  const clicks = new Map<string, LinkClick[]>(addresses.map((a) => [a, []]));
  for (const row of clickRows) if (clickIsTheirs(row)) clicks.get(row.recipient)?.push(row.click);
  const topTags = (counts: ReadonlyMap<string, number>) =>
    [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, TOP_TAGS).map(([tag, count]) => ({ tag, count }));
  return new Map(addresses.map((a) => [a, { topTags: topTags(tags.get(a) ?? new Map()), clicks: (clicks.get(a) ?? []).sort((x, y) => y.at - x.at) }]));
}

const NO_DETAIL: Detail = { topTags: [], clicks: [] };

function personFrom(row: VerdictGroupRow, org: Org, vip: VipEvidence | undefined, detail: Detail): Person {
  const facts: ExposureFacts = {
    total: row.total,
    anomalous: row.anomalous,
    held: row.held,
    maxScore: row.maxScore,
    clicks: detail.clicks.length,
    clicksThrough: detail.clicks.filter((c) => c.outcome === 'continued').length,
    vip: vip?.vip ?? false,
    vipBasis: vip?.basis ?? 'none',
    groups: namedGroupsOf(row.value, org),
    topTags: detail.topTags,
  };
  return {
    address: row.value,
    groups: [...facts.groups],
    vip: facts.vip,
    total: row.total,
    anomalous: row.anomalous,
    actioned: row.actioned,
    held: row.held,
    maxScore: row.maxScore,
    clicks: facts.clicks,
    exposure: exposureOf(facts),
    reasons: exposureReasons(facts),
    topTags: facts.topTags.map((t) => ({ ...t })),
  };
}

function byExposure(a: Person, b: Person): number {
  return b.exposure - a.exposure || b.anomalous - a.anomalous || b.total - a.total || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

/** Our own people only, when the organisation's domains are known (outbound mail's recipients are not "people" here). */
function isPerson(org: Org, address: string): boolean {
  return org.domains.length === 0 || isInternalAddress(org, address);
}

/**
 * The most exposed people over the window. The store groups the period's mail by recipient,
 * most anomalous first; a pool of several times `limit` of those is ranked by exposure without
 * clicks, the top `limit` get their tags and clicks read, and are ranked again. Someone outside
 * the pool (few anomalous emails, much other mail) cannot enter the list: at most a VIP weight or
 * a click could have lifted them, and reading every mailbox's clicks is not bounded.
 */
export async function rankPeople(ctx: ApiContext, window: Window, limit: number): Promise<Person[]> {
  const org = ctx.org();
  const t = thresholds(ctx);
  const pool = (await ctx.store.groupVerdicts(window, { by: 'recipient', anomalousScore: t.anomalousScore, limit: Math.max(4 * limit, 200) })).filter((r) => isPerson(org, r.value));
  const vips = await vipsOf(ctx.store, org, pool.map((r) => r.value));
  const shortlist = pool
    .map((row) => ({ row, first: personFrom(row, org, vips.get(row.value), NO_DETAIL) }))
    .sort((a, b) => byExposure(a.first, b.first))
    .slice(0, limit);
  const details = await detailsOf(ctx.store, shortlist.map(({ row }) => row.value), window, t);
  return shortlist.map(({ row }) => personFrom(row, org, vips.get(row.value), details.get(row.value) ?? NO_DETAIL)).sort(byExposure);
}

/** One person over the window: their row, their newest anomalous mail and their clicks. */
export async function personDetail(ctx: ApiContext, address: string, window: Window, recentLimit: number): Promise<{ person: Person; recent: StoredVerdict[]; clicks: LinkClick[] }> {
  const org = ctx.org();
  const t = thresholds(ctx);
  // Grouping the person's own mail by recipient puts them first (every row's mail includes
  // theirs); co-recipients on every one of the same messages can tie, hence more than one row.
  const [rows, vips, details, recent] = await Promise.all([
    ctx.store.groupVerdicts({ ...window, recipient: address }, { by: 'recipient', anomalousScore: t.anomalousScore, limit: ONE_PERSON_ROWS }),
    vipsOf(ctx.store, org, [address]),
    detailsOf(ctx.store, [address], window, t),
    ctx.store.searchVerdicts({ ...window, recipient: address, minScore: t.anomalousScore }, { limit: recentLimit }),
  ]);
  const row = rows.find((r) => r.value === address) ?? { value: address, total: 0, anomalous: 0, actioned: 0, held: 0, maxScore: 0, lastAt: 0 };
  const detail = details.get(address) ?? NO_DETAIL;
  return { person: personFrom(row, org, vips.get(address), detail), recent: recent.items, clicks: detail.clicks };
}
