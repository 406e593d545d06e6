import type { Rung, Verdict } from '../types';
import { Panel } from './Panel';

const AREAS = ['delivery', 'links', 'attachments'] as const;

const AREA_LABEL: Record<(typeof AREAS)[number], string> = {
  delivery: 'Delivery',
  links: 'Links',
  attachments: 'Attachments',
};

/** "double_lock" → "double lock". */
function words(action: string): string {
  return action.replaceAll('_', ' ');
}

function reasonsFor(rungs: readonly Rung[] | undefined, area: string): string[] {
  return (rungs ?? []).filter((rung) => rung.area === area).map((rung) => rung.reason);
}

/**
 * What belong did to the message in each area (delivery, links, attachments) and why, then the
 * stronger actions it considered and did not take, with the reason (least-aggressive principle).
 */
export function EmailActions({ actions }: { actions: Verdict['actions'] }) {
  return (
    <Panel id="actions" title="Actions taken">
      <table>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Action</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {AREAS.map((area) => {
            const why = reasonsFor(actions.why, area);
            return (
              <tr key={area}>
                <th scope="row">{AREA_LABEL[area]}</th>
                <td>
                  <span className={`badge ${area === 'delivery' ? `action-${actions[area]}` : `rung-${actions[area]}`}`}>{words(actions[area])}</span>
                </td>
                <td>{why.length > 0 ? why.join(' ') : <span className="muted">{actions[area] === 'none' || actions[area] === 'deliver' ? 'Nothing called for more.' : 'No reason recorded.'}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {actions.subjectTag && (
        <p>
          Subject tagged with <q>{actions.subjectTag}</q>.
        </p>
      )}
      <h3>Not taken</h3>
      {actions.notTaken.length === 0 ? (
        <p className="muted">No stronger action was considered.</p>
      ) : (
        <ul className="not-taken">
          {actions.notTaken.map((rung, index) => (
            <li key={index}>
              <strong>
                {AREA_LABEL[rung.area as (typeof AREAS)[number]] ?? rung.area}: {words(rung.action)}
              </strong>{' '}
              — {rung.reason}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
