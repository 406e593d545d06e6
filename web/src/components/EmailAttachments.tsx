import type { MessageAttachment } from '../types';
import { Panel } from './Panel';

/** 1536 → "1.5 KB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The message's attachments as the parser saw them: declared against detected type, traits, hash. */
export function EmailAttachments({ attachments }: { attachments: readonly MessageAttachment[] }) {
  return (
    <Panel id="attachments" title="Attachments">
      {attachments.length === 0 ? (
        <p className="muted">No attachments.</p>
      ) : (
        <div className="scroll-x">
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Declared type</th>
                <th scope="col">Detected type</th>
                <th scope="col">Size</th>
                <th scope="col">Traits</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment, index) => {
                const mismatch = attachment.detectedType !== null && attachment.detectedType !== attachment.declaredType;
                return (
                  <tr key={index}>
                    <td>
                      {attachment.filename ?? <span className="muted">(unnamed)</span>}
                      {attachment.disposition === 'inline' && <span className="muted"> (inline)</span>}
                    </td>
                    <td>{attachment.declaredType ?? '—'}</td>
                    <td className={mismatch ? 'error' : undefined}>{attachment.detectedType ?? <span className="muted">unknown</span>}</td>
                    <td className="nowrap">{byteSize(attachment.size)}</td>
                    <td>
                      {attachment.traits.map((trait) => (
                        <span key={trait} className="badge">
                          {trait.replaceAll('_', ' ')}
                        </span>
                      ))}
                    </td>
                    <td>
                      <code className="hash" title={attachment.sha256}>
                        {attachment.sha256.slice(0, 16)}…
                      </code>
                    </td>
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
