import { Panel } from './Panel';

/** The message's authentication results, each mechanism on a row (shape: the parser's AuthResults). */
interface Outcome {
  readonly result?: string;
  readonly domain?: string | null;
  readonly selector?: string | null;
  readonly policy?: string | null;
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowsOf(auth: Readonly<Record<string, unknown>>): { name: string; result: string; detail: string }[] {
  const rows: { name: string; result: string; detail: string }[] = [];
  const add = (name: string, value: unknown) => {
    if (!isOutcome(value)) return;
    const detail = [value.domain && `domain ${value.domain}`, value.selector && `selector ${value.selector}`, value.policy && `policy ${value.policy}`].filter(Boolean).join(', ');
    rows.push({ name, result: value.result ?? 'unknown', detail });
  };
  add('SPF', auth.spf);
  if (Array.isArray(auth.dkim)) {
    if (auth.dkim.length === 0) rows.push({ name: 'DKIM', result: 'none', detail: 'no signature' });
    for (const signature of auth.dkim) add('DKIM', signature);
  }
  add('DMARC', auth.dmarc);
  add('ARC', auth.arc);
  return rows;
}

function resultClass(result: string): string {
  if (result === 'pass') return 'auth-pass';
  if (result === 'fail' || result === 'softfail' || result === 'permerror') return 'auth-fail';
  return 'auth-other';
}

export function EmailAuth({ auth }: { auth: Readonly<Record<string, unknown>> }) {
  const rows = rowsOf(auth);
  const source = typeof auth.source === 'string' ? auth.source : null;
  const authservId = typeof auth.authservId === 'string' ? auth.authservId : null;
  return (
    <Panel id="auth" title="Authentication">
      {rows.length === 0 ? (
        <p className="muted">No authentication results.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{row.name}</th>
                <td>
                  <span className={`badge ${resultClass(row.result)}`}>{row.result}</span>
                </td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {source && (
        <p className="muted">
          Evaluated by: {source}
          {authservId ? ` (${authservId})` : ''}
        </p>
      )}
    </Panel>
  );
}
