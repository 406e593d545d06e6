import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Counted, Stats } from '../types';
import { ScoreBadge } from './ScoreBadge';

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
