import { Link } from 'react-router';
import { profilePath } from '../narrative-links';
import type { SenderProfile } from '../types';
import { CountedList, Facts, KnownBadge, RecentPanel, StatsPanel, learnedFacts } from './ProfileParts';

/** GET /senders/:address as a page: how well belong knows this sender and whom they write to. */
export function SenderProfileView({ profile }: { profile: SenderProfile }) {
  return (
    <>
      <h1>
        Sender <span className="address">{profile.address}</span>
      </h1>
      <p>
        <KnownBadge known={profile.known} what="sender" />
      </p>
      <section className="panel" aria-labelledby="profile-facts">
        <h2 id="profile-facts">What belong has learned</h2>
        <Facts items={[['Domain', <Link key="d" to={profilePath('domain', profile.domain)}>{profile.domain}</Link>], ...learnedFacts(profile)]} />
        <div className="grid">
          <div>
            <h3>Names used</h3>
            <CountedList items={profile.displayNames} empty="No display names learned." />
          </div>
          <div>
            <h3>Writes to</h3>
            <CountedList items={profile.recipients} empty="Has not written to anyone here yet." linkTo={(address) => profilePath('person', address)} />
          </div>
        </div>
      </section>
      <StatsPanel title="Analysed mail" stats={profile.stats} />
      <RecentPanel title="Recent emails" items={profile.recent} empty="No analysed emails from this sender." query={{ sender: profile.address }} all="All emails from this sender" />
    </>
  );
}
