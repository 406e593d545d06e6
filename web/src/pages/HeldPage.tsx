import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { can, useAuth } from '../auth';
import { ReasonDialog } from '../components/ReasonDialog';
import { RecipientList } from '../components/RecipientList';
import { ScoreBadge } from '../components/ScoreBadge';
import { When } from '../components/When';
import { DECISIONS, decideHeld, isOpen, stateLabel, type HeldDecision } from '../held-decisions';
import { errorText } from '../problems';
import { HELD_STATES, type HeldEntry, type HeldState } from '../types';
import { useApi } from '../use-api';

const PAGE_SIZE = 50;

/** Which entries a decision is about: one row, or the checked rows. */
interface Pending {
  readonly decision: HeldDecision;
  readonly entries: readonly HeldEntry[];
}

/** What the state filter can show: one state, everything, or (the default) all that awaits a decision. */
type Shown = HeldState | 'all' | 'awaiting';

function shownFrom(value: string | null): Shown {
  if (value === 'all') return 'all';
  return HELD_STATES.find((state) => state === value) ?? 'awaiting';
}

/** Upper bound on release requests listed above the held mail; requests are few (an analyst answers them). */
const MAX_REQUESTS = 500;

/**
 * One page of the queue. "Awaiting review" is two states: the release requests come first (all of
 * them, on the first page), then the held mail, paged. One extra row tells whether there is a
 * next page (the queue answer has no hasMore).
 */
async function loadQueue(shown: Shown, offset: number): Promise<{ items: HeldEntry[]; hasMore: boolean }> {
  const page = (state: HeldState | undefined, limit: number, at: number) => api.get<{ items: HeldEntry[] }>('/held', { state, limit, offset: at });
  if (shown !== 'awaiting') {
    const { items } = await page(shown === 'all' ? undefined : shown, PAGE_SIZE + 1, offset);
    return { items: items.slice(0, PAGE_SIZE), hasMore: items.length > PAGE_SIZE };
  }
  const [requests, held] = await Promise.all([offset === 0 ? page('release_requested', MAX_REQUESTS, 0) : { items: [] }, page('held', PAGE_SIZE + 1, offset)]);
  return { items: [...requests.items, ...held.items.slice(0, PAGE_SIZE)], hasMore: held.items.length > PAGE_SIZE };
}

/**
 * The quarantine queue: held messages, newest first, filtered by state (awaiting review by
 * default). Analysts release, delete or request release of one message or of the checked ones;
 * every decision asks for a reason, which goes to the audit log.
 */
export function HeldPage() {
  const { me } = useAuth();
  const analyst = can(me, 'analyst');
  const [params, setParams] = useSearchParams();
  const state = shownFrom(params.get('state'));
  const offset = Math.max(0, Math.floor(Number(params.get('offset'))) || 0);
  const queue = useApi(() => loadQueue(state, offset), [state, offset]);
  const items = queue.data?.items ?? [];
  const hasMore = queue.data?.hasMore ?? false;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [outcome, setOutcome] = useState<{ done: string[]; failed: string[] } | null>(null);

  const decidable = items.filter((entry) => isOpen(entry.state));
  const chosen = decidable.filter((entry) => selected.has(entry.id));
  const navigate = (next: { state?: Shown; offset?: number }) => {
    const query: Record<string, string> = {};
    const nextState = next.state ?? state;
    if (nextState !== 'awaiting') query.state = nextState;
    if (next.offset) query.offset = String(next.offset);
    setSelected(new Set());
    setParams(query);
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(chosen.length === decidable.length ? new Set() : new Set(decidable.map((entry) => entry.id)));

  /** Decides each entry in turn; failures (e.g. already decided by someone else) are listed, not fatal. */
  const confirm = async (reason: string) => {
    if (!pending) return;
    const done: string[] = [];
    const failed: string[] = [];
    for (const entry of pending.entries) {
      try {
        await decideHeld(entry.id, pending.decision, reason);
        done.push(entry.id);
      } catch (reasonForFailure) {
        failed.push(`${entry.sender ?? entry.id}: ${errorText(reasonForFailure)}`);
      }
    }
    const verb = DECISIONS[pending.decision].done;
    setOutcome({ done: done.length > 0 ? [`${done.length} message${done.length === 1 ? '' : 's'} ${verb}.`] : [], failed });
    setSelected(new Set());
    queue.reload();
  };

  return (
    <div className="held">
      <div className="page-head">
        <h1>Held mail</h1>
        <label>
          State
          <select value={state} onChange={(event) => navigate({ state: shownFrom(event.target.value), offset: 0 })}>
            <option value="awaiting">awaiting review</option>
            <option value="held">held</option>
            <option value="release_requested">release requested</option>
            <option value="released">released</option>
            <option value="deleted">deleted</option>
            <option value="expired">expired</option>
            <option value="all">all</option>
          </select>
        </label>
      </div>
      {queue.error && (
        <p role="alert" className="error">
          Could not load the held queue: {queue.error}
        </p>
      )}
      {outcome && (
        <div role="status" className="notice">
          {outcome.done.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {outcome.failed.length > 0 && (
            <>
              <p className="error">Not done:</p>
              <ul>
                {outcome.failed.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <section className="panel" aria-labelledby="queue-title" aria-busy={queue.loading}>
        <div className="results-head">
          <h2 id="queue-title">{state === 'all' ? 'All quarantined messages' : state === 'awaiting' ? 'Awaiting review' : `Messages ${stateLabel(state)}`}</h2>
          {analyst && (
            <div className="button-row" aria-label="Selected messages">
              <button type="button" disabled={chosen.length === 0} onClick={() => setPending({ decision: 'release', entries: chosen })}>
                Release selected ({chosen.length})
              </button>
              <button type="button" className="danger" disabled={chosen.length === 0} onClick={() => setPending({ decision: 'delete', entries: chosen })}>
                Delete selected ({chosen.length})
              </button>
            </div>
          )}
          <nav className="pager" aria-label="Pages">
            <span className="muted">{items.length > 0 ? `${offset + 1}–${offset + items.length}` : ''}</span>
            <button type="button" className="secondary" disabled={offset === 0 || queue.loading} onClick={() => navigate({ offset: Math.max(0, offset - PAGE_SIZE) })}>
              Previous
            </button>
            <button type="button" className="secondary" disabled={!hasMore || queue.loading} onClick={() => navigate({ offset: offset + PAGE_SIZE })}>
              Next
            </button>
          </nav>
        </div>
        {queue.data && items.length === 0 && <p className="muted">Nothing here.</p>}
        {items.length > 0 && (
          <table className="held-table">
            <thead>
              <tr>
                {analyst && (
                  <th scope="col">
                    <input type="checkbox" aria-label="Select all" checked={decidable.length > 0 && chosen.length === decidable.length} disabled={decidable.length === 0} onChange={toggleAll} />
                  </th>
                )}
                <th scope="col">Received</th>
                <th scope="col">Sender</th>
                <th scope="col">Recipients</th>
                <th scope="col">Subject and why</th>
                <th scope="col">State</th>
                <th scope="col">Expires</th>
                <th scope="col">Message</th>
                {analyst && <th scope="col">Decide</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <HeldRow key={entry.id} entry={entry} analyst={analyst} checked={selected.has(entry.id)} onToggle={() => toggle(entry.id)} onDecide={(decision) => setPending({ decision, entries: [entry] })} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {pending && (
        <ReasonDialog
          title={pending.entries.length === 1 ? `${DECISIONS[pending.decision].label} this message?` : `${DECISIONS[pending.decision].label} ${pending.entries.length} messages?`}
          description={pending.entries.map((entry) => `${entry.subject ? `“${entry.subject}” ` : ''}${entry.sender ?? '(no sender)'} → ${entry.recipients.join(', ')}`).join('\n')}
          confirmLabel={DECISIONS[pending.decision].confirm}
          danger={DECISIONS[pending.decision].danger}
          reasonRequired
          onConfirm={confirm}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}

function HeldRow({ entry, analyst, checked, onToggle, onDecide }: { entry: HeldEntry; analyst: boolean; checked: boolean; onToggle: () => void; onDecide: (decision: HeldDecision) => void }) {
  const open = isOpen(entry.state);
  const from = entry.sender ?? '(no sender)';
  return (
    <tr>
      {analyst && (
        <td>
          <input type="checkbox" aria-label={`Select message from ${from}`} checked={checked} disabled={!open} onChange={onToggle} />
        </td>
      )}
      <td className="nowrap">
        <When at={entry.receivedAt} />
      </td>
      <td className="address">{from}</td>
      <td className="address">
        <RecipientList recipients={entry.recipients} />
      </td>
      <td className="held-subject">
        <div>
          {entry.score !== null && entry.score !== undefined && <ScoreBadge score={entry.score} />} {entry.subject || <span className="muted">(no subject)</span>}
        </div>
        {entry.headline && <div className="muted">{entry.headline}</div>}
      </td>
      <td>
        <span className={`badge held-${entry.state}`}>{stateLabel(entry.state)}</span>
      </td>
      <td className="nowrap">{open ? <When at={entry.expiresAt} /> : <span className="muted">—</span>}</td>
      <td className="open-message">{entry.verdictId && entry.verdictId !== 'none' ? <Link to={`/emails/${encodeURIComponent(entry.verdictId)}`}>Open message</Link> : <span className="muted">no verdict</span>}</td>
      {analyst && (
        <td className="decide">
          {open && (
            <>
              <button type="button" onClick={() => onDecide('release')}>
                {DECISIONS.release.label}
              </button>
              <button type="button" className="danger" onClick={() => onDecide('delete')}>
                {DECISIONS.delete.label}
              </button>
              {entry.state === 'held' && (
                <button type="button" className="secondary" onClick={() => onDecide('request-release')}>
                  {DECISIONS['request-release'].label}
                </button>
              )}
            </>
          )}
        </td>
      )}
    </tr>
  );
}
