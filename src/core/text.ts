/** "a", "a and b", "a, b and 3 others": lists in plain English, capped so a summary stays one line. */
export function listPhrase(items: readonly string[], max = 3): string {
  if (items.length === 0) return 'nobody';
  if (items.length === 1) return items[0] ?? '';
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  const rest = items.length - (max - 1);
  return `${items.slice(0, max - 1).join(', ')} and ${rest} others`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
