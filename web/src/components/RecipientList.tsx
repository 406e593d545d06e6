/** The first few recipients and how many more (all of them in the tooltip): wide mail stays one line. */
export function RecipientList({ recipients, shown = 2 }: { recipients: readonly string[]; shown?: number }) {
  const first = recipients.slice(0, shown);
  const more = recipients.length - first.length;
  return (
    <span title={recipients.join(', ')}>
      {first.join(', ')}
      {more > 0 && <span className="muted"> +{more} more</span>}
    </span>
  );
}
