import { Link } from 'react-router';
import { profilePath } from '../narrative-links';
import type { SenderProfile } from '../types';
import { MessageTable } from './MessageTable';
import { CountedList, EmailsLink, Facts, KnownBadge, StatsRow } from './ProfileParts';
import { When } from './When';

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
        <Facts
          items={[
            ['Domain', <Link key="d" to={profilePath('domain', profile.domain)}>{profile.domain}</Link>],
            ['First seen', <When key="f" at={profile.firstSeen} />],
            ['Last seen', <When key="l" at={profile.lastSeen} />],
            ['Learned messages', profile.learnedMessages],
          ]}
        />
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
      <section className="panel" aria-labelledby="profile-stats">
        <h2 id="profile-stats">Analysed mail</h2>
        <StatsRow stats={profile.stats} />
      </section>
      <section className="panel" aria-labelledby="profile-recent">
        <h2 id="profile-recent">Recent emails</h2>
        {profile.recent.length > 0 ? <MessageTable items={profile.recent} /> : <p className="muted">No analysed emails from this sender.</p>}
        <EmailsLink query={{ sender: profile.address }}>All emails from this sender</EmailsLink>
      </section>
    </>
  );
}
