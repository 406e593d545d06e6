import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { ExposureBar } from '../components/ExposureBar';
import { PeriodSelect, daysFrom } from '../components/PeriodSelect';
import { profilePath } from '../narrative-links';
import type { PeopleAnswer } from '../types';
import { useApi } from '../use-api';

const DAY_MS = 86_400_000;
/** The table shows a person's three most frequent tags; their profile shows all. */
const TOP_TAGS_SHOWN = 3;
/** The counted columns' headings, in the order of their cells below. */
const NUMBER_COLUMNS = ['Emails', 'Anomalous', 'Held', 'Clicked'];

/** An address that may wrap before its "@" (and nowhere else) in a narrow column. */
function breakableAddress(address: string) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** Who in the organisation is most exposed: ranked by exposure, each with the reasons why. */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const days = daysFrom(params.get('days'));
  // The window ends now (rounded to the minute so re-renders do not refetch).
  const period = useMemo(() => {
    const to = Math.ceil(Date.now() / 60_000) * 60_000;
    return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
  }, [days]);
  const people = useApi(() => api.get<PeopleAnswer>('/people', { ...period, limit: 100 }), [period]);
  const items = people.data?.items ?? [];

  return (
    <>
      <h1>People</h1>
      <p className="muted">Everyone who received mail in the period, most exposed first: how much suspicious mail reached them, how bad it was, and what they did with it.</p>
      <div className="filters">
        <PeriodSelect days={days} onChange={(next) => setParams({ days: String(next) })} />
      </div>
      {people.error && <p className="error">{people.error}</p>}
      {people.loading && !people.data && <p className="muted">Loading…</p>}
      {people.data && items.length === 0 && <p className="muted">Nobody received mail in this period.</p>}
      {items.length > 0 && (
        <div className="scroll-x">
          <table className="people">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Groups</th>
                <th scope="col">Exposure</th>
                {NUMBER_COLUMNS.map((label) => (
                  <th key={label} scope="col" className="num">
                    {label}
                  </th>
                ))}
                <th scope="col">Top tags</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {items.map((person) => (
                <tr key={person.address}>
                  <td className="address">
                    <Link to={profilePath('person', person.address)}>{breakableAddress(person.address)}</Link>
                    {person.vip && <span className="badge vip">VIP</span>}
                  </td>
                  <td>{person.groups.length > 0 ? person.groups.join(', ') : <span className="muted">—</span>}</td>
                  <td>
                    <ExposureBar exposure={person.exposure} />
                  </td>
                  <td className="num">{person.total}</td>
                  <td className="num">{person.anomalous}</td>
                  <td className="num">{person.held}</td>
                  <td className="num">{person.clicks}</td>
                  <td className="top-tags">
                    {person.topTags.slice(0, TOP_TAGS_SHOWN).map((t) => (
                      <span key={t.tag} className="badge tag">
                        {t.tag} <span className="muted">×{t.count}</span>
                      </span>
                    ))}
                  </td>
                  <td className="why">
                    {person.reasons.length > 0 ? (
                      <ul>
                        {person.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">nothing unusual</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
