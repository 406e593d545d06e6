import { Link } from 'react-router';
import type { PersonDetail } from '../types';
import { ExposureBar } from './ExposureBar';
import { Facts, RecentPanel, StatsPanel } from './ProfileParts';
import { When } from './When';

/** GET /people/:address as a page: how exposed this person is, and why. */
export function PersonProfileView({ detail }: { detail: PersonDetail }) {
  const { person } = detail;
  return (
    <>
      <h1>
        Person <span className="address">{person.address}</span>
        {person.vip && <span className="badge vip">VIP</span>}
      </h1>
      <section className="panel" aria-labelledby="profile-exposure">
        <h2 id="profile-exposure">Exposure</h2>
        <Facts
          items={[
            ['Exposure', <ExposureBar key="e" exposure={person.exposure} />],
            ['Groups', person.groups.length > 0 ? person.groups.join(', ') : '—'],
          ]}
        />
        <h3>Why</h3>
        {person.reasons.length > 0 ? (
          <ul className="why-list">
            {person.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing unusual reached this person.</p>
        )}
        {person.topTags.length > 0 && (
          <>
            <h3>Most frequent tags</h3>
            <p>
              {person.topTags.map((t) => (
                <Link key={t.tag} className="badge tag" to={`/emails?${new URLSearchParams({ recipient: person.address, tag: t.tag }).toString()}`}>
                  {t.tag} ×{t.count}
                </Link>
              ))}
            </p>
          </>
        )}
      </section>
      <StatsPanel title="Mail received" stats={person} extra={[['Locked links clicked', person.clicks]]} />
      <RecentPanel title="Recent anomalous emails" items={detail.recent} empty="No anomalous emails reached this person." query={{ recipient: person.address }} all="All emails to this person" />
      <section className="panel" aria-labelledby="profile-clicks">
        <h2 id="profile-clicks">Locked-link clicks</h2>
        {detail.clicks.length === 0 ? (
          <p className="muted">No clicks on locked links.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Link (not opened here)</th>
                <th scope="col">Outcome</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {detail.clicks.map((click) => (
                <tr key={`${click.token}-${click.at}`}>
                  <td>
                    <When at={click.at} />
                  </td>
                  {/* The address is hostile content: shown as text, never a link. */}
                  <td className="url">{click.url}</td>
                  <td>{click.outcome}</td>
                  <td>{click.verdictId ? <Link to={`/emails/${encodeURIComponent(click.verdictId)}`}>open</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
