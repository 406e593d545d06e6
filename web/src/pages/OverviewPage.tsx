import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { ACTION_LABEL } from '../components/action-style';
import { ActionTrendChart } from '../components/ActionTrendChart';
import { CountBarChart } from '../components/CountBarChart';
import { PeriodSelect, daysFrom } from '../components/PeriodSelect';
import { ScoreBadge } from '../components/ScoreBadge';
import { When } from '../components/When';
import { profilePath } from '../narrative-links';
import { ACTIONS, type GroupRow, type Overview, type Person } from '../types';
import { useApi } from '../use-api';

/** Tags shown in the "actioned by tag" chart; the rest are a click away in the email list. */
const TOP_TAGS = 15;

/**
 * The landing page: how much mail was processed over the period, what was done with it, how
 * that moved day by day, which tags drove the actions, and who and what stood out.
 */
export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const days = daysFrom(params.get('days'));
  const overview = useApi(() => api.get<Overview>('/overview', { days }), [days]);
  const setDays = (next: number) => setParams(next === 30 ? {} : { days: String(next) });
  const data = overview.data;
  return (
    <div className="overview">
      <div className="page-head">
        <h1>Overview</h1>
        <PeriodSelect days={days} onChange={setDays} />
      </div>
      {overview.error && (
        <p role="alert" className="error">
          Could not load the overview: {overview.error}
        </p>
      )}
      {!data && !overview.error && <p className="muted">Loading…</p>}
      {data && (
        <>
          <Headline data={data} days={days} />
          <section className="panel" aria-labelledby="trend-title">
            <h2 id="trend-title">Mail per day by action</h2>
            <ActionTrendChart series={data.series} />
          </section>
          <div className="grid">
            <section className="panel" aria-labelledby="tags-title">
              <h2 id="tags-title">Mail by tag</h2>
              <p className="muted">Messages carrying each tag; click a bar to list them.</p>
              <TagChart byTag={data.byTag} />
            </section>
            <section className="panel" aria-labelledby="targeted-title">
              <h2 id="targeted-title">Top targeted users</h2>
              <TargetedTable people={data.topTargeted} />
            </section>
          </div>
          <div className="grid">
            <section className="panel" aria-labelledby="senders-title">
              <h2 id="senders-title">Top anomalous senders</h2>
              <GroupTable rows={data.topSenders} what="Sender" linkTo={(value) => profilePath('sender', value)} />
            </section>
            <section className="panel" aria-labelledby="domains-title">
              <h2 id="domains-title">Top anomalous domains</h2>
              <GroupTable rows={data.topDomains} what="Domain" linkTo={(value) => profilePath('domain', value)} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

function Headline({ data, days }: { data: Overview; days: number }) {
  return (
    <section className="stats" aria-label="Headline numbers">
      <div className="panel stat-card">
        <div className="stat-label">Mail processed</div>
        <div className="stat">{data.total.toLocaleString()}</div>
        <div className="muted">
          last {days} day{days === 1 ? '' : 's'}
        </div>
      </div>
      {ACTIONS.map((action) => (
        <div key={action} className={`panel stat-card stat-${action}`}>
          <div className="stat-label">{ACTION_LABEL[action]}</div>
          <div className="stat">
            <Link to={`/emails?${new URLSearchParams({ action }).toString()}`} aria-label={`${ACTION_LABEL[action]}: ${data.byAction[action]}`}>
              {(data.byAction[action] ?? 0).toLocaleString()}
            </Link>
          </div>
          <div className="muted">{percent(data.byAction[action] ?? 0, data.total)}</div>
        </div>
      ))}
      <div className="panel stat-card stat-awaiting">
        <div className="stat-label">Held awaiting review</div>
        <div className="stat">
          <Link to="/held">{data.heldAwaiting.toLocaleString()}</Link>
        </div>
        <div className="muted">
          <Link to="/held">Review held mail</Link>
        </div>
      </div>
    </section>
  );
}

function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const share = (100 * part) / whole;
  return `${share < 1 && share > 0 ? share.toFixed(1) : Math.round(share)}% of mail`;
}

function TagChart({ byTag }: { byTag: Overview['byTag'] }) {
  const bars = Object.entries(byTag)
    .map(([label, count]) => ({ label, count }))
    .filter((bar) => bar.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, TOP_TAGS);
  if (bars.length === 0) return <p className="muted">No tagged mail in this period.</p>;
  return <CountBarChart bars={bars} name="Messages" linkTo={(tag) => `/emails?${new URLSearchParams({ tag }).toString()}`} />;
}

function TargetedTable({ people }: { people: readonly Person[] }) {
  if (people.length === 0) return <p className="muted">No one received anomalous mail in this period.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Exposure</th>
          <th scope="col">Anomalous</th>
          <th scope="col">Held</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.address}>
            <td className="address">
              <Link to={profilePath('person', person.address)}>{person.address}</Link>
              {person.vip && <span className="badge vip">VIP</span>}
              {person.reasons.length > 0 && <div className="reasons muted">{person.reasons.join('; ')}</div>}
            </td>
            <td>
              <ScoreBadge score={person.exposure} />
            </td>
            <td>{person.anomalous}</td>
            <td>{person.held}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupTable({ rows, what, linkTo }: { rows: readonly GroupRow[]; what: string; linkTo: (value: string) => string }) {
  if (rows.length === 0) return <p className="muted">Nothing anomalous in this period.</p>;
  return (
    <div className="scroll-x">
      <table>
        <thead>
          <tr>
            <th scope="col">{what}</th>
            <th scope="col">Anomalous</th>
            <th scope="col">Actioned</th>
            <th scope="col">Held</th>
            <th scope="col">Max score</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value}>
              <td className="address">
                <Link to={linkTo(row.value)}>{row.value}</Link>
              </td>
              <td>
                {row.anomalous} <span className="muted">of {row.total}</span>
              </td>
              <td>{row.actioned}</td>
              <td>{row.held}</td>
              <td>
                <ScoreBadge score={row.maxScore} />
              </td>
              <td className="nowrap">
                <When at={row.lastAt} dateOnly />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
