import { Link } from 'react-router';
import { charChanges, codePoints, domainDiff, type CharOp } from '../char-diff';
import { profilePath } from '../narrative-links';
import type { DomainProfile } from '../types';
import { CountedList, EmailsLink, Facts, KnownBadge, StatsRow } from './ProfileParts';
import { When } from './When';

/** One domain spelled out, its characters that the other lacks marked. */
function Spelled({ ops, side }: { ops: readonly CharOp[]; side: 'removed' | 'added' }) {
  return (
    <span className="spelled">
      {ops.map((op, index) =>
        op.kind === 'same' ? (
          <span key={index}>{op.char}</span>
        ) : op.kind === side ? (
          <mark key={index} title={codePoints(op.char)}>
            {op.char}
          </mark>
        ) : null,
      )}
    </span>
  );
}

/** Beyond ASCII: a homoglyph from another script (Cyrillic с for Latin c) is the likely trick. */
function hasNonAscii(text: string): boolean {
  return Array.from(text).some((char) => (char.codePointAt(0) ?? 0) > 0x7e);
}

/** The text in quotes, with its code points when the change is not plain ASCII (that is the trick then). */
function quoted(text: string, withCodePoints: boolean): string {
  if (!text) return 'nothing';
  return withCodePoints ? `“${text}” (${codePoints(text)})` : `“${text}”`;
}

function DomainColumn({ profile }: { profile: DomainProfile }) {
  return (
    <section className="panel" aria-label={profile.domain}>
      <h2>
        <Link to={profilePath('domain', profile.domain)}>{profile.domain}</Link>
      </h2>
      <p>{profile.internal ? <span className="badge known">the organisation's own domain</span> : <KnownBadge known={profile.known} what="domain" />}</p>
      <Facts
        items={[
          ['First seen', <When key="f" at={profile.firstSeen} />],
          ['Last seen', <When key="l" at={profile.lastSeen} />],
          ['Learned messages', profile.learnedMessages],
        ]}
      />
      <StatsRow stats={profile.stats} />
      <h3>Who writes from it</h3>
      <CountedList items={profile.senders.slice(0, 8)} empty="Nobody, as far as belong has learned." linkTo={(address) => profilePath('sender', address)} />
      <EmailsLink query={{ senderDomain: profile.domain }}>Emails from {profile.domain}</EmailsLink>
    </section>
  );
}

/** Two domains side by side: the lookalike and the domain it imitates, the difference highlighted. */
export function LookalikeView({ left, right }: { left: DomainProfile; right: DomainProfile }) {
  const ops = domainDiff(left.domain, right.domain);
  const changes = charChanges(ops);
  return (
    <>
      <h1>
        Lookalike: <span className="address">{left.domain}</span> vs <span className="address">{right.domain}</span>
      </h1>
      <section className="panel comparison" aria-labelledby="lookalike-difference">
        <h2 id="lookalike-difference">The difference, character by character</h2>
        <div className="spelled-pair">
          <Spelled ops={ops} side="removed" />
          <Spelled ops={ops} side="added" />
        </div>
        {changes.length === 0 && <p>The two names are identical.</p>}
        {changes.length > 0 && changes.every((change) => hasNonAscii(change.left + change.right)) && (
          <p>
            <strong>These names can look identical:</strong> the marked characters come from different alphabets.
          </p>
        )}
        {changes.length > 0 && (
          <ul className="changes">
            {changes.map((change, index) => (
              <li key={index}>
                {quoted(change.left, hasNonAscii(change.left + change.right))} in {left.domain} where {right.domain} has{' '}
                {quoted(change.right, hasNonAscii(change.left + change.right))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="side-by-side">
        <DomainColumn profile={left} />
        <DomainColumn profile={right} />
      </div>
    </>
  );
}
