import { Link } from 'react-router';
import { profilePath } from '../narrative-links';
import type { DomainProfile } from '../types';
import { CountedList, Facts, KnownBadge, RecentPanel, StatsPanel, learnedFacts } from './ProfileParts';

/** GET /domains/:domain as a page: who writes from it, and whether it imitates a known domain. */
export function DomainProfileView({ profile }: { profile: DomainProfile }) {
  return (
    <>
      <h1>
        Domain <span className="address">{profile.domain}</span>
      </h1>
      <p>
        {profile.internal ? <span className="badge known">the organisation's own domain</span> : <KnownBadge known={profile.known} what="domain" />}
      </p>
      {profile.resembles.length > 0 && (
        <div className="panel warning" role="note">
          <strong>Lookalike:</strong> this domain resembles{' '}
          {profile.resembles.map((other, index) => (
            <span key={other}>
              {index > 0 && ', '}
              <Link to={profilePath('lookalike', `${profile.domain}~${other}`)}>{other}</Link>
            </span>
          ))}
          . Compare them character by character.
        </div>
      )}
      <section className="panel" aria-labelledby="profile-facts">
        <h2 id="profile-facts">What belong has learned</h2>
        <Facts items={learnedFacts(profile)} />
        <h3>Who writes from this domain</h3>
        <CountedList items={profile.senders} empty="No senders learned from this domain." linkTo={(address) => profilePath('sender', address)} />
      </section>
      <StatsPanel title="Analysed mail" stats={profile.stats} />
      <RecentPanel title="Recent emails" items={profile.recent} empty="No analysed emails from this domain." query={{ senderDomain: profile.domain }} all="All emails from this domain" />
    </>
  );
}
