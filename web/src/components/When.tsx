/** An instant (epoch ms) as a <time> element in the reader's locale; "never" for null. */
export function When({ at, dateOnly = false }: { at: number | null | undefined; dateOnly?: boolean }) {
  if (at === null || at === undefined) return <span className="muted">never</span>;
  const date = new Date(at);
  const text = dateOnly ? date.toLocaleDateString() : date.toLocaleString();
  return <time dateTime={date.toISOString()}>{text}</time>;
}
