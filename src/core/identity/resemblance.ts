import { partsOf, stemOf, MIN_ADDED_WORD, MIN_ADDED_WORD_BASE, type DomainParts } from './domain-parts.js';
import { editDistance } from './edit-distance.js';
import { foldedSkeleton } from './skeleton.js';

export type ResemblanceKind = 'homoglyph' | 'tld-swap' | 'added-hyphen' | 'added-word' | 'edit-distance';

export interface Resemblance {
  readonly kind: ResemblanceKind;
  /** Edit distance between the two stems (0 for homoglyphs, TLD swaps and hyphens). */
  readonly distance: number;
  /** A plain phrase for summaries: "one character changed", "Cyrillic or other look-alike characters", ... */
  readonly phrase: string;
}

/**
 * Guards against unrelated short names: `bolt` and `boat` are one edit apart and both real.
 * Stems shorter than this only match by homoglyph or TLD swap (which keep every letter).
 */
export const MIN_STEM_FOR_EDITS = 5;
/** Shortest label a homoglyph or TLD swap is judged on (`ab.com` vs `ab.net` says nothing). */
export const MIN_STEM_FOR_SAME_READING = 3;

/** Edits allowed for a stem of this length: about one per five characters, at most two. */
export function allowedEdits(stemLength: number): number {
  if (stemLength < MIN_STEM_FOR_EDITS) return 0;
  return stemLength < 9 ? 1 : 2;
}

function editPhrase(distance: number): string {
  return distance === 1 ? 'one character changed' : `${distance} characters changed`;
}

/**
 * Does `candidate` (a registrable domain) imitate `known`? Null for the same domain and for
 * resemblances too weak to mean anything. The closest kind wins.
 */
export function resemblance(candidate: string | DomainParts, known: string | DomainParts): Resemblance | null {
  const a = typeof candidate === 'string' ? partsOf(candidate) : candidate;
  const b = typeof known === 'string' ? partsOf(known) : known;
  if (a.domain === b.domain || !a.stem || !b.stem) return null;
  const shorter = Math.min([...a.stem].length, [...b.stem].length);

  if (a.label === b.label) {
    return shorter >= MIN_STEM_FOR_SAME_READING ? { kind: 'tld-swap', distance: 0, phrase: `the same name under .${a.suffix} instead of .${b.suffix}` } : null;
  }
  const readsTheSame = foldedSkeleton(a.label) === foldedSkeleton(b.label);
  if (readsTheSame && shorter >= MIN_STEM_FOR_SAME_READING) {
    return { kind: 'homoglyph', distance: 0, phrase: 'look-alike characters (it reads the same)' };
  }
  if (a.stem === b.stem && shorter >= MIN_STEM_FOR_SAME_READING) {
    return { kind: 'added-hyphen', distance: 0, phrase: 'a hyphen added or removed' };
  }
  if ([...b.stem].length >= MIN_ADDED_WORD_BASE) {
    const words = a.label.split('-').map(stemOf);
    const hyphenWord = words.length > 1 && words.includes(b.stem);
    const added = [...a.stem].length - [...b.stem].length;
    const affix = added >= MIN_ADDED_WORD && (a.stem.startsWith(b.stem) || a.stem.endsWith(b.stem));
    if (hyphenWord || affix) return { kind: 'added-word', distance: added, phrase: 'a word added to the name' };
  }
  const max = allowedEdits(shorter);
  if (max === 0) return null;
  const distance = editDistance(a.stem, b.stem, max);
  return distance <= max ? { kind: 'edit-distance', distance, phrase: editPhrase(distance) } : null;
}
