/**
 * Character-by-character difference of two short strings (domain names), for showing a lookalike
 * beside the domain it imitates. A longest-common-subsequence alignment over code points (so an
 * astral character counts as one): domains are short, so the quadratic table is tiny.
 */
export type CharOp = { readonly kind: 'same'; readonly char: string } | { readonly kind: 'removed'; readonly char: string } | { readonly kind: 'added'; readonly char: string };

/** One place the two strings differ: `left` in the first became `right` in the second. */
export interface CharChange {
  readonly left: string;
  readonly right: string;
}

export function charDiff(a: string, b: string): CharOp[] {
  const left = Array.from(a);
  const right = Array.from(b);
  const rows = left.length + 1;
  const cols = right.length + 1;
  // lcs[i * cols + j] = length of the LCS of left[i..] and right[j..]
  const lcs = new Uint16Array(rows * cols);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      lcs[i * cols + j] = left[i] === right[j] ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const ops: CharOp[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i] as string;
    const r = right[j] as string;
    if (l === r) {
      ops.push({ kind: 'same', char: l });
      i++;
      j++;
    } else if ((lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0)) {
      ops.push({ kind: 'removed', char: l });
      i++;
    } else {
      ops.push({ kind: 'added', char: r });
      j++;
    }
  }
  for (; i < left.length; i++) ops.push({ kind: 'removed', char: left[i] as string });
  for (; j < right.length; j++) ops.push({ kind: 'added', char: right[j] as string });
  return ops;
}

/**
 * A domain-aware difference: with the same number of labels, label by label, and a label that
 * shares less than half its characters with its counterpart counts as replaced whole (a swapped
 * TLD reads as "net" → "example", not as scattered letters). Otherwise charDiff of the names.
 */
export function domainDiff(a: string, b: string): CharOp[] {
  const left = a.split('.');
  const right = b.split('.');
  if (left.length !== right.length) return charDiff(a, b);
  return left.flatMap((label, index) => {
    const other = right[index] ?? '';
    const ops = charDiff(label, other);
    const shared = ops.filter((op) => op.kind === 'same').length;
    const longest = Math.max(Array.from(label).length, Array.from(other).length);
    const labelOps: CharOp[] =
      shared * 2 >= longest
        ? ops
        : [...Array.from(label, (char): CharOp => ({ kind: 'removed', char })), ...Array.from(other, (char): CharOp => ({ kind: 'added', char }))];
    return index === 0 ? labelOps : [{ kind: 'same', char: '.' } as const, ...labelOps];
  });
}

/** The differences as substitutions: each run of removed/added characters between equal ones. */
export function charChanges(ops: readonly CharOp[]): CharChange[] {
  const changes: CharChange[] = [];
  let left = '';
  let right = '';
  const flush = () => {
    if (left || right) changes.push({ left, right });
    left = '';
    right = '';
  };
  for (const op of ops) {
    if (op.kind === 'same') flush();
    else if (op.kind === 'removed') left += op.char;
    else right += op.char;
  }
  flush();
  return changes;
}

/** Each character as "U+0430", so a homoglyph (Cyrillic а for Latin a) shows itself. */
export function codePoints(text: string): string {
  return Array.from(text)
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
