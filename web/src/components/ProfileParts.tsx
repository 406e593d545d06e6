import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Counted, LearnedProfile, MessageSummary, Stats } from '../types';
import { MessageTable } from './MessageTable';
import { ScoreBadge } from './ScoreBadge';
import { When } from './When';

/** Label → value pairs at the top of a profile (first seen, learned volume...). */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="profile-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The facts every learned profile (sender, domain) states: when first and last seen, how much was learned. */
export function learnedFacts(profile: LearnedProfile): (readonly [string, ReactNode])[] {
  return [
    ['First seen', <When key="f" at={profile.firstSeen} />],
    ['Last seen', <When key="l" at={profile.lastSeen} />],
    ['Learned messages', profile.learnedMessages],
  ];
}

/** What happened to the mail in a profile: totals, anomalies, actions, holds, worst score. */
export function StatsRow({ stats, extra = [] }: { stats: Stats; extra?: readonly (readonly [string, ReactNode])[] }) {
  const items: (readonly [string, ReactNode])[] = [
    ['Emails', stats.total],
    ['Anomalous', stats.anomalous],
    ['Actioned', stats.actioned],
    ['Held', stats.held],
    ['Highest score', <ScoreBadge key="score" score={stats.maxScore} />],
    ...extra,
  ];
  return (
    <div className="stats-row">
      {items.map(([label, value]) => (
        <div key={label} className="stat-box">
          <div className="stat">{value}</div>
          <div className="muted">{label}</div>
        </div>
      ))}
    </div>
  );
}

/** A counted list (display names, recipients, senders), each optionally a link. */
export function CountedList({ items, empty, linkTo }: { items: readonly Counted[]; empty: string; linkTo?: (value: string) => string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="counted">
      {items.map((item) => (
        <li key={item.value}>
          {linkTo ? <Link to={linkTo(item.value)}>{item.value}</Link> : <span>{item.value}</span>}
          <span className="muted"> ×{item.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Known" or "never seen before", the first thing to know about a sender or domain. */
export function KnownBadge({ known, what }: { known: boolean; what: string }) {
  return known ? <span className="badge known">known {what}</span> : <span className="badge unknown">never seen before</span>;
}

/** The link to the email list filtered to this profile. */
export function EmailsLink({ query, children }: { query: Record<string, string>; children: ReactNode }) {
  return (
    <Link className="emails-link" to={`/emails?${new URLSearchParams(query).toString()}`}>
      {children} →
    </Link>
  );
}

/** A profile's stats panel: the StatsRow under its heading. */
export function StatsPanel({ title, stats, extra = [] }: { title: string; stats: Stats; extra?: readonly (readonly [string, ReactNode])[] }) {
  return (
    <section className="panel" aria-labelledby="profile-stats">
      <h2 id="profile-stats">{title}</h2>
      <StatsRow stats={stats} extra={extra} />
    </section>
  );
}

/** A profile's newest emails (or why there are none) and the link to all of them in the email list. */
export function RecentPanel({ title, items, empty, query, all }: { title: string; items: readonly MessageSummary[]; empty: string; query: Record<string, string>; all: string }) {
  return (
    <section className="panel" aria-labelledby="profile-recent">
      <h2 id="profile-recent">{title}</h2>
      {items.length > 0 ? <MessageTable items={items} /> : <p className="muted">{empty}</p>}
      <EmailsLink query={query}>{all}</EmailsLink>
    </section>
  );
}
