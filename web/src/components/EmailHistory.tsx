import type { AuditEntry } from '../types';
import { evidenceText } from './EmailSignals';
import { Panel } from './Panel';
import { When } from './When';

/** The audit log's entries about this message (its verdict and its quarantine entry), oldest first. */
export function EmailHistory({ history }: { history: readonly AuditEntry[] }) {
  return (
    <Panel id="history" title="History">
      {history.length === 0 ? (
        <p className="muted">No one has acted on this message.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.seq}>
                <td className="nowrap">
                  <When at={entry.at} />
                </td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>
                  <Detail detail={entry.detail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function Detail({ detail }: { detail: unknown }) {
  if (typeof detail !== 'object' || detail === null) return <>{evidenceText(detail)}</>;
  const entries = Object.entries(detail).filter(([, value]) => value !== '' && value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <span className="detail">
      {entries.map(([name, value]) => (
        <span key={name}>
          <span className="muted">{name}:</span> {evidenceText(value)}{' '}
        </span>
      ))}
    </span>
  );
}
