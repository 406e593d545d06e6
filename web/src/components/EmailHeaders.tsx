import { Panel } from './Panel';

/** The message's headers in order, as received (values are text; nothing in them is followed). */
export function EmailHeaders({ headers, truncated }: { headers: readonly { name: string; value: string }[]; truncated: boolean }) {
  return (
    <Panel id="headers" title="Headers">
      {headers.length === 0 ? (
        <p className="muted">No headers were kept.</p>
      ) : (
        <div className="headers-box">
          <table className="headers">
            <tbody>
              {headers.map((header, index) => (
                <tr key={index}>
                  <th scope="row">{header.name}</th>
                  <td>{header.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {truncated && <p className="muted">Some of this message was too large to keep in full; what is shown was cut to belong's limits.</p>}
    </Panel>
  );
}
