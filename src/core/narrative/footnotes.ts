import type { Narrative, Ref } from './span.js';

export interface Footnote {
  /** 1-based, in order of first mention. */
  readonly n: number;
  /** The phrase that carries the reference (first mention). */
  readonly text: string;
  readonly ref: Ref;
}

/** Each distinct reference once, numbered in reading order: the narrative's jump-off points as footnotes. */
export function footnotesOf(narrative: Narrative): Footnote[] {
  const seen = new Map<string, Footnote>();
  for (const sentence of narrative.sentences) {
    for (const span of sentence) {
      if (!span.ref) continue;
      const key = `${span.ref.kind}\u0000${span.ref.id}`;
      if (!seen.has(key)) seen.set(key, { n: seen.size + 1, text: span.text, ref: span.ref });
    }
  }
  return [...seen.values()];
}
