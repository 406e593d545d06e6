/**
 * Flesch–Kincaid grade, written by hand (no well-kept npm package counts syllables the way we
 * need for names). Syllables use a simple English heuristic: groups of vowels (y included),
 * less a silent final "e" (but not "-le"), at least one per word. An address or domain is read as
 * one name: it counts as one word whose syllables are those of its letter runs.
 */
export function syllables(word: string): number {
  const runs = word.toLowerCase().match(/[a-z]+/g) ?? [];
  if (runs.length === 0) return word.match(/\d/) ? Math.max(1, (word.match(/\d/g) ?? []).length) : 1;
  return runs.reduce((n, run) => n + syllablesOfRun(run), 0);
}

function syllablesOfRun(run: string): number {
  if (run.length <= 3) return 1;
  const trimmed = run.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m.charAt(0)).replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export interface Readability {
  readonly sentences: number;
  readonly words: number;
  readonly syllables: number;
  readonly grade: number;
}

/** FK grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59, over all sentences given. */
export function fleschKincaid(sentences: readonly string[]): Readability {
  const words = sentences.flatMap(wordsOf);
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  const s = Math.max(1, sentences.length);
  const w = Math.max(1, words.length);
  return { sentences: sentences.length, words: words.length, syllables: syl, grade: 0.39 * (w / s) + 11.8 * (syl / w) - 15.59 };
}
