import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MessageSummary } from '../types';
import { ActionBadge } from './ActionBadge';
import { RecipientList } from './RecipientList';
import { ScoreBadge } from './ScoreBadge';
import { TagList } from './TagList';
import { When } from './When';

/**
 * Analysed messages as a table: time, sender, recipients, subject with the narrative's headline,
 * score, action and tags. A click anywhere on a row opens the message; the subject is also a real
 * link so keyboards and "open in new tab" work.
 */
export function MessageTable({ items, caption }: { items: readonly MessageSummary[]; caption?: string }) {
  const navigate = useNavigate();
  const open = (event: MouseEvent<HTMLTableRowElement>, id: string) => {
    // Links inside the row (subject, tags) navigate by themselves.
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    void navigate(`/emails/${encodeURIComponent(id)}`);
  };
  return (
    <table className="messages">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Sender</th>
          <th scope="col">Recipients</th>
          <th scope="col">Subject</th>
          <th scope="col">Score</th>
          <th scope="col">Action</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={m.id} className="clickable" onClick={(event) => open(event, m.id)}>
            <td className="nowrap">
              <When at={m.analysedAt} />
            </td>
            <td className="address">{m.from ?? <span className="muted">(none)</span>}</td>
            <td className="address">
              <RecipientList recipients={m.recipients} />
            </td>
            <td className="subject">
              <Link to={`/emails/${encodeURIComponent(m.id)}`}>{m.subject || '(no subject)'}</Link>
              <div className="headline muted">{m.headline}</div>
            </td>
            <td>
              <ScoreBadge score={m.score} />
            </td>
            <td>
              <ActionBadge action={m.action} />
            </td>
            <td>
              <TagList tags={m.tags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
