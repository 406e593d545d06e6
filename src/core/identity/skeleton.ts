import { CONFUSABLES_ASCII_PACKED } from './confusables-data.js';

/**
 * UTS #39 confusable skeletons, restricted to prototypes that are printable ASCII (see
 * tools/generate-confusables.ts): the part of the table that matters for lookalike domains and
 * impersonated Latin names.
 */

function parseTable(packed: string): ReadonlyMap<number, string> {
  const map = new Map<number, string>();
  for (const entry of packed.split('\u0001')) {
    const tab = entry.indexOf('\t');
    map.set(Number.parseInt(entry.slice(0, tab), 16), entry.slice(tab + 1));
  }
  return map;
}

const TABLE = parseTable(CONFUSABLES_ASCII_PACKED);

/** The ASCII prototype a character is confusable with, or null when it has none in the table. */
export function asciiPrototype(char: string): string | null {
  const code = char.codePointAt(0);
  return code === undefined ? null : (TABLE.get(code) ?? null);
}

/** UTS #39 skeleton: NFD, map every character to its prototype, NFD again. Case-sensitive, as the standard is. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const char of text.normalize('NFD')) mapped += TABLE.get(char.codePointAt(0) ?? 0) ?? char;
  return mapped.normalize('NFD');
}

const COMBINING_MARK = /\p{M}/gu;

/**
 * What a lookalike is compared by: the skeleton, case-folded (domains and names are
 * case-insensitive), with combining marks dropped. Lower-cased before mapping too, since the table
 * sends capital 'I' to 'l' (WHITFIELD must fold like Whitfield) and after, since it sends '0' to 'O'.
 * Dropping marks goes beyond UTS #39 on purpose: `acmé.com` imitates `acme.com` to a reader.
 */
export function foldedSkeleton(text: string): string {
  return skeleton(text.toLowerCase()).replace(COMBINING_MARK, '').toLowerCase();
}

/** Two different strings that read the same (UTS #39: skeleton(a) == skeleton(b), a ≠ b), case-insensitively. */
export function areConfusable(a: string, b: string): boolean {
  return a.toLowerCase() !== b.toLowerCase() && foldedSkeleton(a) === foldedSkeleton(b);
}
