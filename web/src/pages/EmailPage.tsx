import { Link, useParams } from 'react-router';
import { api } from '../api';
import { ActionBadge } from '../components/ActionBadge';
import { EmailActions } from '../components/EmailActions';
import { EmailAttachments } from '../components/EmailAttachments';
import { EmailAuth } from '../components/EmailAuth';
import { EmailDecisions } from '../components/EmailDecisions';
import { EmailHeaders } from '../components/EmailHeaders';
import { EmailHistory } from '../components/EmailHistory';
import { EmailClicks, EmailLinks } from '../components/EmailLinks';
import { EmailSignals } from '../components/EmailSignals';
import { NarrativeText } from '../components/NarrativeText';
import { Panel } from '../components/Panel';
import { ScoreBadge } from '../components/ScoreBadge';
import { TagList } from '../components/TagList';
import { When } from '../components/When';
import { missingContentSentence } from '../missing-content';
import { profilePath } from '../narrative-links';
import type { MessageDetail, Verdict } from '../types';
import { useApi } from '../use-api';

/**
 * One email: what happened and why (headline, narrative with jump-offs, score, tags), what was
 * done and not done, the evidence (signals, authentication, headers, links, attachments), who
 * acted on it, and the body in a sandboxed frame. Each part has an id the narrative links to.
 */
export function EmailPage() {
  const { id = '' } = useParams();
  const detail = useApi(() => api.get<MessageDetail>(`/messages/${encodeURIComponent(id)}`), [id]);
  if (detail.error && !detail.data) {
    return (
      <div className="email">
        <p>
          <Link to="/emails">← Emails</Link>
        </p>
        <h1>Email</h1>
        <p role="alert" className="error">
          {detail.error === 'no such message' ? 'There is no such email.' : `Could not load the email: ${detail.error}`}
        </p>
      </div>
    );
  }
  if (!detail.data) return <p className="muted">Loading…</p>;
  const { verdict, content, clicks, quarantine, history, contentRemovedAfterDays } = detail.data;
  return (
    <article className="email" aria-labelledby="email-subject">
      <p>
        <Link to="/emails">← Emails</Link>
      </p>
      <EmailHead verdict={verdict} origin={detail.data.origin} />
      <Panel id="story" title="What happened">
        <p className="email-headline">{verdict.narrative.headline}</p>
        <NarrativeText sentences={verdict.narrative.sentences} sender={verdict.from} />
        <Asks threat={verdict.threat} />
        {verdict.defects.length > 0 && (
          <p className="muted">Parser defects (the verdict rested on less): {verdict.defects.join(', ')}</p>
        )}
      </Panel>
      <EmailDecisions verdictId={verdict.id} quarantine={quarantine ?? null} onChanged={detail.reload} />
      <EmailActions actions={verdict.actions} />
      <EmailSignals signals={verdict.signals} />
      {content ? (
        <>
          <EmailLinks links={content.links} />
          <EmailAttachments attachments={content.attachments} />
        </>
      ) : (
        <section className="panel" id="links" aria-labelledby="no-content-title">
          <h2 id="no-content-title">Content</h2>
          <p className="muted" id="attachments">
            {missingContentSentence(contentRemovedAfterDays)}
          </p>
        </section>
      )}
      <EmailClicks clicks={clicks} />
      {content && (
        <Panel id="body" title="Body">
          <p className="muted">
            {content.hasHtml ? 'The HTML body, sanitised: no scripts, no remote images, links inert.' : 'The text body.'}
          </p>
          {/* sandbox="" (no allow-* tokens): no scripts, no same-origin access, no navigation of this page. */}
          <iframe className="body-frame" sandbox="" src={`/api/v1/messages/${encodeURIComponent(verdict.id)}/body`} title="Message body" />
        </Panel>
      )}
      {content && <EmailAuth auth={content.auth} />}
      {content && <EmailHeaders headers={content.headers} truncated={content.truncated} />}
      <EmailHistory history={history ?? []} />
    </article>
  );
}

function EmailHead({ verdict, origin }: { verdict: Verdict; origin: string | null }) {
  return (
    <header className="email-head">
      <h1 id="email-subject">{verdict.subject || '(no subject)'}</h1>
      <div className="email-verdict">
        <span className="labelled">
          Score <ScoreBadge score={verdict.score} />
        </span>
        <span className="labelled">
          Action <ActionBadge action={verdict.actions.delivery} />
        </span>
        <TagList tags={verdict.tags} linked />
      </div>
      <dl className="facts">
        <dt>From</dt>
        <dd>{verdict.from ? <Link to={profilePath('sender', verdict.from)}>{verdict.from}</Link> : <span className="muted">(none)</span>}</dd>
        <dt>To</dt>
        <dd>
          {verdict.recipients.length === 0 && <span className="muted">(none)</span>}
          {verdict.recipients.map((recipient, index) => (
            <span key={recipient}>
              {index > 0 && ', '}
              <Link to={profilePath('person', recipient)}>{recipient}</Link>
            </span>
          ))}
        </dd>
        <dt>Analysed</dt>
        <dd>
          <When at={verdict.analysedAt} />
        </dd>
        <dt>Direction</dt>
        <dd>{verdict.direction}</dd>
        {verdict.messageId && (
          <>
            <dt>Message-ID</dt>
            <dd>
              <code>{verdict.messageId}</code>
            </dd>
          </>
        )}
        {origin && (
          <>
            <dt>Origin</dt>
            <dd>
              <code>{origin}</code>
            </dd>
          </>
        )}
      </dl>
    </header>
  );
}

function Asks({ threat }: { threat: Verdict['threat'] }) {
  if (threat.asks.length === 0) return null;
  return (
    <p>
      <span className="muted">It asks for: </span>
      {threat.asks.map((ask, index) => (
        <span key={ask}>
          {index > 0 && '; '}
          <strong>{ask.replaceAll('_', ' ')}</strong>
          {threat.evidence?.[ask] ? ` (${threat.evidence[ask]})` : ''}
        </span>
      ))}
    </p>
  );
}

