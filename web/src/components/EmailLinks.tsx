import type { Click, MessageLink } from '../types';
import { Panel } from './Panel';
import { When } from './When';

/**
 * The message's links. URLs are hostile: they are shown as text only, never as something to
 * click, and belong never fetches them. A visible text naming another domain than the target
 * is marked.
 */
export function EmailLinks({ links }: { links: readonly MessageLink[] }) {
  return (
    <Panel id="links" title="Links">
      {links.length === 0 ? (
        <p className="muted">No links.</p>
      ) : (
        <div className="scroll-x">
          <table>
            <thead>
              <tr>
                <th scope="col">Text</th>
                <th scope="col">URL (not clickable)</th>
                <th scope="col">Domain</th>
                <th scope="col">Found in</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link, index) => {
                const mismatch = link.textDomain !== null && link.registrableDomain !== null && link.textDomain !== link.registrableDomain;
                return (
                  <tr key={index} className={mismatch ? 'mismatch' : undefined}>
                    <td>
                      {link.text || <span className="muted">(no text)</span>}
                      {mismatch && <div className="error">text names {link.textDomain}, link goes to {link.registrableDomain}</div>}
                    </td>
                    <td>
                      <code className="url">{link.href}</code>
                    </td>
                    <td>{link.registrableDomain ?? link.host ?? '—'}</td>
                    <td>{link.source}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/** Clicks on the message's locked links, through belong's link page. */
export function EmailClicks({ clicks }: { clicks: readonly Click[] }) {
  return (
    <Panel id="clicks" title="Locked-link clicks">
      {clicks.length === 0 ? (
        <p className="muted">No one has clicked a locked link in this message.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">URL</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {clicks.map((click) => (
              <tr key={`${click.token}-${click.at}`}>
                <td className="nowrap">
                  <When at={click.at} />
                </td>
                <td>{click.actor ?? <span className="muted">unknown</span>}</td>
                <td>
                  <code className="url">{click.url}</code>
                </td>
                <td>
                  <span className={`badge click-${click.outcome}`}>{click.outcome}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
