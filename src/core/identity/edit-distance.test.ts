import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('Damerau–Levenshtein (optimal string alignment)', () => {
  it('counts inserts, deletes, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('acme', 'acme')).toBe(0);
    expect(editDistance('acme', 'acmme')).toBe(1);
    expect(editDistance('acme', 'acm')).toBe(1);
    expect(editDistance('acme', 'acne')).toBe(1);
    expect(editDistance('acme', 'came')).toBe(1);
    expect(editDistance('microsoft', 'rnicrosoft')).toBe(2);
    expect(editDistance('salesforce', 'saelsforse')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('works on code points, not UTF-16 units', () => {
    expect(editDistance('a𝒶b', 'acb')).toBe(1);
  });

  it('stops early past the bound', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('short', 'a much longer string', 2)).toBe(3);
  });
});
