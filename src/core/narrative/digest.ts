import { DAY_MS } from '../profile.js';
import type { Verdict } from '../verdict.js';
import { count, listOf, num, wordList } from './grammar.js';

export type DigestPeriod = 'day' | 'week';

export interface TargetedUser {
  readonly recipient: string;
  readonly emails: number;
  /** The tags most of their flagged mail carried, commonest first. */
  readonly topTags: readonly string[];
}

export type CampaignKey = 'senderDomain' | 'subject' | 'linkDomain';

export interface Campaign {
  readonly key: CampaignKey;
  readonly value: string;
  readonly emails: number;
  readonly recipients: number;
  readonly tags: readonly string[];
  readonly firstAt: number;
  readonly lastAt: number;
  readonly verdictIds: readonly string[];
}

export interface Digest {
  readonly period: DigestPeriod;
  readonly from: number;
  readonly to: number;
  readonly emails: number;
  /** Emails belong tagged or acted on. */
  readonly flagged: number;
  readonly byDelivery: Readonly<Record<string, number>>;
  readonly linksLocked: number;
  readonly attachmentsDefused: number;
  readonly byTag: ReadonlyArray<{ readonly tag: string; readonly emails: number }>;
  readonly mostTargeted: readonly TargetedUser[];
  readonly campaigns: readonly Campaign[];
  /** The digest in plain sentences. */
  readonly sentences: readonly string[];
  readonly text: string;
}

const TOP_USERS = 3;
const TOP_CAMPAIGNS = 5;
const MIN_CAMPAIGN = 2;

function flagged(v: Verdict): boolean {
  return v.tags.length > 0 || v.actions.delivery !== 'deliver' || v.actions.links !== 'none' || v.actions.attachments !== 'none';
}

function tally(values: Iterable<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** "Re: Invoice 4411 overdue" → "invoice # overdue": the shape a campaign's subjects share. */
export function subjectPattern(subject: string): string {
  return subject
    .toLowerCase()
    .replace(/^(?:\s*(?:re|fw|fwd|aw|wg|sv)\s*:\s*)+/i, '')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Link domains the evidence names (the verdict keeps no full link list). */
function linkDomains(v: Verdict): string[] {
  const out = new Set<string>();
  for (const s of v.signals) {
    for (const key of ['newDomains', 'domains', 'actualDomains']) {
      const value = s.evidence[key];
      if (Array.isArray(value)) for (const d of value as readonly string[]) out.add(d);
    }
  }
  return [...out];
}

function keysOf(v: Verdict): Array<[CampaignKey, string]> {
  const keys: Array<[CampaignKey, string]> = [];
  const domain = v.from?.split('@')[1];
  if (domain) keys.push(['senderDomain', domain]);
  const subject = subjectPattern(v.subject);
  if (subject.length >= 4) keys.push(['subject', subject]);
  for (const d of linkDomains(v)) keys.push(['linkDomain', d]);
  return keys;
}

/** Clusters of flagged mail sharing a sender domain, subject pattern or link domain; a cluster with the same emails as a bigger or earlier one is dropped. */
function campaignsOf(verdicts: readonly Verdict[]): Campaign[] {
  const groups = new Map<string, { key: CampaignKey; value: string; members: Verdict[] }>();
  for (const v of verdicts) {
    for (const [key, value] of keysOf(v)) {
      const id = `${key}\u0000${value}`;
      const group = groups.get(id) ?? { key, value, members: [] };
      group.members.push(v);
      groups.set(id, group);
    }
  }
  const seen = new Set<string>();
  const campaigns: Campaign[] = [];
  const ordered = [...groups.values()].filter((g) => g.members.length >= MIN_CAMPAIGN).sort((a, b) => b.members.length - a.members.length || (a.value < b.value ? -1 : 1));
  for (const g of ordered) {
    const ids = g.members.map((m) => m.id).sort();
    const signature = ids.join(',');
    if (seen.has(signature)) continue;
    seen.add(signature);
    campaigns.push({
      key: g.key,
      value: g.value,
      emails: g.members.length,
      recipients: new Set(g.members.flatMap((m) => m.recipients)).size,
      tags: tally(g.members.flatMap((m) => m.tags)).slice(0, 2).map(([t]) => t),
      firstAt: Math.min(...g.members.map((m) => m.analysedAt)),
      lastAt: Math.max(...g.members.map((m) => m.analysedAt)),
      verdictIds: ids,
    });
  }
  return campaigns.slice(0, TOP_CAMPAIGNS);
}

function targetedUsers(verdicts: readonly Verdict[]): TargetedUser[] {
  const byRecipient = new Map<string, Verdict[]>();
  for (const v of verdicts) for (const r of new Set(v.recipients)) byRecipient.set(r, [...(byRecipient.get(r) ?? []), v]);
  return [...byRecipient]
    .map(([recipient, list]) => ({ recipient, emails: list.length, topTags: tally(list.flatMap((v) => v.tags)).slice(0, 2).map(([t]) => t) }))
    .sort((a, b) => b.emails - a.emails || (a.recipient < b.recipient ? -1 : 1))
    .slice(0, TOP_USERS);
}

const DELIVERY_WORDS: ReadonlyArray<readonly [string, (n: string) => string]> = [
  ['hold', (n) => `held ${n}`],
  ['junk', (n) => `moved ${n} to junk`],
  ['banner', (n) => `put a warning banner on ${n}`],
];

const CAMPAIGN_WORDS: Readonly<Record<CampaignKey, string>> = { senderDomain: 'from', subject: 'with the subject', linkDomain: 'linking to' };

function plainList(items: readonly string[]): string {
  return listOf(items, null).map((s) => s.text).join('');
}

function sentencesOf(d: Omit<Digest, 'sentences' | 'text'>): string[] {
  const span = d.period === 'day' ? 'the last day' : 'the last week';
  if (d.emails === 0) return [`belong judged no email in ${span}.`];
  const out: string[] = [];
  const steps = DELIVERY_WORDS.flatMap(([k, say]) => ((d.byDelivery[k] ?? 0) > 0 ? [say(num(d.byDelivery[k] ?? 0))] : []));
  if (d.linksLocked > 0) steps.push(`locked the links in ${num(d.linksLocked)}`);
  if (d.attachmentsDefused > 0) steps.push(`defused the attachments in ${num(d.attachmentsDefused)}`);
  out.push(`In ${span}, belong judged ${count(d.emails, 'email')} and stepped in on ${num(d.flagged)}${steps.length > 0 ? `: it ${wordList(steps)}` : ''}.`);
  if (d.byTag.length > 0) out.push(`The commonest warnings were ${plainList(d.byTag.slice(0, 3).map((t) => `${t.tag} (${num(t.emails)})`))}.`);
  if (d.mostTargeted.length > 0) {
    const people = d.mostTargeted.map((u) => `${u.recipient} (${count(u.emails, 'email')}${u.topTags.length > 0 ? `, mostly ${plainList(u.topTags)}` : ''})`);
    out.push(`The most targeted ${d.mostTargeted.length === 1 ? 'person was' : 'people were'} ${people.join('; ')}.`);
  }
  for (const c of d.campaigns) {
    out.push(`A campaign of ${count(c.emails, 'email')} ${CAMPAIGN_WORDS[c.key]} ${c.key === 'subject' ? `“${c.value}”` : c.value} reached ${count(c.recipients, 'person', 'people')}${c.tags.length > 0 ? ` (${plainList(c.tags)})` : ''}.`);
  }
  return out.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
}

/**
 * What belong stopped over a period, who was most targeted and why, and new campaigns. Pure:
 * the caller gives the verdicts and the end of the period.
 */
export function digestOf(verdicts: readonly Verdict[], period: DigestPeriod, to: number): Digest {
  const from = to - (period === 'day' ? DAY_MS : 7 * DAY_MS);
  const inPeriod = verdicts.filter((v) => v.analysedAt > from && v.analysedAt <= to);
  const hits = inPeriod.filter(flagged);
  const body = {
    period,
    from,
    to,
    emails: inPeriod.length,
    flagged: hits.length,
    byDelivery: Object.fromEntries(tally(hits.map((v) => v.actions.delivery))),
    linksLocked: hits.filter((v) => v.actions.links !== 'none').length,
    attachmentsDefused: hits.filter((v) => v.actions.attachments !== 'none').length,
    byTag: tally(hits.flatMap((v) => v.tags)).map(([tag, emails]) => ({ tag, emails })),
    mostTargeted: targetedUsers(hits),
    campaigns: campaignsOf(hits),
  };
  const sentences = sentencesOf(body);
  return { ...body, sentences, text: sentences.join(' ') };
}
