import type { Signal } from '../types';
import { Panel } from './Panel';

/** An evidence value as text: lists joined, nothing hidden, nothing interpreted as markup. */
export function evidenceText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(evidenceText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The signals the checks raised, strongest first: each a one-line summary that opens onto the
 * evidence behind it (the facts the narrative was built from).
 */
export function EmailSignals({ signals }: { signals: readonly Signal[] }) {
  const sorted = [...signals].sort((a, b) => b.strength - a.strength);
  return (
    <Panel id="signals" title="Signals">
      {sorted.length === 0 && <p className="muted">No check raised a signal.</p>}
      {sorted.map((signal) => (
        <details key={signal.id} className="signal">
          <summary>
            <span className="strength" title={`strength ${signal.strength.toFixed(2)}`}>
              <span style={{ width: `${Math.round(signal.strength * 100)}%` }} />
            </span>
            <span className="signal-text">
              {signal.summary} <code className="muted">{signal.id}</code>
            </span>
          </summary>
          <table className="evidence">
            <caption className="sr-only">Evidence for {signal.id}</caption>
            <tbody>
              <tr>
                <th scope="row">strength</th>
                <td>{signal.strength.toFixed(2)}</td>
              </tr>
              {Object.entries(signal.evidence).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{evidenceText(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </Panel>
  );
}
