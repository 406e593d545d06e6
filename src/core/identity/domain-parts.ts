import { toUnicodeDomain } from './punycode.js';
import { foldedSkeleton } from './skeleton.js';

/**
 * How a registrable domain is taken apart for lookalike comparison. A registrable domain is
 * one label plus its public suffix (`acme.co.uk` → label `acme`, suffix `co.uk`), which the
 * parser already resolved with the public suffix list.
 */
export interface DomainParts {
  /** The registrable domain as seen (IDN labels decoded to Unicode). */
  readonly domain: string;
  readonly label: string;
  readonly suffix: string;
  /** The label's folded skeleton without hyphens: what lookalikes are indexed and compared by. */
  readonly stem: string;
}

/** Labels longer than this are not indexed character by character (DNS allows 63; real brands are shorter). */
export const MAX_INDEXED_STEM = 32;

export function partsOf(registrableDomain: string): DomainParts {
  const domain = toUnicodeDomain(registrableDomain.toLowerCase());
  const dot = domain.indexOf('.');
  const label = dot < 0 ? domain : domain.slice(0, dot);
  const suffix = dot < 0 ? '' : domain.slice(dot + 1);
  return { domain, label, suffix, stem: stemOf(label) };
}

export function stemOf(label: string): string {
  return foldedSkeleton(label).replace(/-/g, '');
}

/**
 * Best guess at the registrable part of one of the organisation's configured domains, without
 * the public suffix list (core/ cannot load it): two labels, or three when the second-level one
 * looks like `co.uk` / `com.au`. Only used for the organisation's own few domains.
 */
export function guessRegistrable(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const secondLevel = labels[labels.length - 2] ?? '';
  const top = labels[labels.length - 1] ?? '';
  const take = top.length === 2 && secondLevel.length <= 3 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** The string and every string one deletion away from it (symmetric-delete neighbourhood, ≤ length + 1 entries). */
export function deletionNeighbourhood(stem: string): string[] {
  const chars = [...stem].slice(0, MAX_INDEXED_STEM);
  const out = new Set<string>([chars.join('')]);
  for (let i = 0; i < chars.length; i++) out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...out];
}

/** Shortest known stem an "added word" is looked for in, and the shortest word that counts as added. */
export const MIN_ADDED_WORD_BASE = 4;
export const MIN_ADDED_WORD = 2;

/**
 * Index keys a known correspondent domain is filed under: its stem and the stem's deletion-1
 * neighbourhood. Two stems within one edit (or one substitution / adjacent swap) share a key;
 * homoglyphs, TLD swaps and hyphen games share the stem itself.
 */
export function indexKeysFor(parts: DomainParts): string[] {
  if (!parts.stem) return [];
  return deletionNeighbourhood(parts.stem);
}

/** Hyphen-separated words considered when joining runs of them (`saltmeadow-catering-finance`). */
const MAX_HYPHEN_WORDS = 6;

/**
 * Keys to look up for a domain that might imitate a known one, most specific first, at most
 * `cap`: its stem (homoglyph, TLD swap, hyphen); every run of its hyphen-separated words
 * (`saltmeadow-catering-finance` → `saltmeadowcatering`); its deletion neighbourhood (one or
 * two characters changed); then its prefixes and suffixes, longest first, that leave an added
 * word (`acmebilling` → `acme`).
 */
export function queryKeysFor(parts: DomainParts, cap: number): string[] {
  const keys = new Set<string>([parts.stem]);
  const words = parts.label.split('-').filter(Boolean).slice(0, MAX_HYPHEN_WORDS).map(stemOf);
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const run = words.slice(start, end).join('');
      if ([...run].length >= MIN_ADDED_WORD_BASE) keys.add(run);
    }
  }
  for (const key of indexKeysFor(parts)) keys.add(key);
  const chars = [...parts.stem].slice(0, MAX_INDEXED_STEM);
  for (let len = chars.length - MIN_ADDED_WORD; len >= MIN_ADDED_WORD_BASE; len--) {
    keys.add(chars.slice(0, len).join(''));
    keys.add(chars.slice(chars.length - len).join(''));
  }
  return [...keys].filter(Boolean).slice(0, cap);
}
