/** The delivery action taken on a message, as a coloured pill (deliver, banner, junk, hold). */
export function ActionBadge({ action }: { action: string }) {
  return <span className={`badge action-${action}`}>{action}</span>;
}
