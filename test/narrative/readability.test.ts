import { beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/core/narrative/digest.js';
import { sentenceText } from '../../src/core/narrative/span.js';
import type { Verdict } from '../../src/core/verdict.js';
import { evalSmallSimulation } from '../helpers/simulated-eval.js';
import { unsupportedFacts } from './fact-check.js';
import { fleschKincaid } from './readability.js';

/** Internal ids and codes a reader must never see: signal ids, verdict ids, raw action names. */
const INTERNAL = [/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/, /\bv-[0-9a-f]{8,}/, /\bdouble_lock\b/, /\bbank_details_change\b/, /\bsha256:/];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('narratives of the simulated organisation’s attacks', () => {
  const attacks: Verdict[] = [];
  const all: Verdict[] = [];

  beforeAll(async () => {
    await evalSmallSimulation((entry, verdict) => {
      all.push(verdict);
      if (entry.label === 'attack') attacks.push(verdict);
    });
  }, 120_000);

  it('are short, read at or below grade 9, state only facts from the verdict and show no internal ids', () => {
    expect(attacks.length).toBeGreaterThan(20);
    const told = attacks.filter((v) => v.tags.length > 0 || v.actions.delivery !== 'deliver');
    expect(median(told.map((v) => v.narrative.sentences.length))).toBeLessThanOrEqual(6);
    for (const v of told) {
      expect(v.narrative.sentences.length, v.narrative.text).toBeGreaterThanOrEqual(2);
      expect(v.narrative.sentences.length, v.narrative.text).toBeLessThanOrEqual(6);
      for (const pattern of INTERNAL) expect(v.narrative.text + v.narrative.headline, v.narrative.text).not.toMatch(pattern);
      expect(unsupportedFacts(v.narrative.text, v), v.narrative.text).toEqual([]);
      expect(unsupportedFacts(v.narrative.headline, v), v.narrative.headline).toEqual([]);
    }
    const fk = fleschKincaid(told.flatMap((v) => v.narrative.sentences.map(sentenceText)));
    console.log(`narratives: ${told.length}, sentences ${fk.sentences}, words ${fk.words}, syllables ${fk.syllables}, Flesch–Kincaid grade ${fk.grade.toFixed(2)}`);
    expect(fk.grade).toBeLessThanOrEqual(9);
  });

  it('add up to a weekly digest: what was stopped, who was targeted, which campaigns', () => {
    const end = Math.max(...all.map((v) => v.analysedAt));
    const digest = digestOf(all, 'week', end);
    const inWeek = all.filter((v) => v.analysedAt > end - 7 * 86_400_000);
    expect(digest.emails).toBe(inWeek.length);
    expect(digest.flagged).toBe(inWeek.filter((v) => v.tags.length > 0 || v.actions.delivery !== 'deliver' || v.actions.links !== 'none' || v.actions.attachments !== 'none').length);
    expect(digest.mostTargeted.length).toBeGreaterThan(0);
    expect(digest.mostTargeted.length).toBeLessThanOrEqual(3);
    for (const c of digest.campaigns) expect(c.emails).toBeGreaterThanOrEqual(2);
    expect(digest.sentences.length).toBeGreaterThanOrEqual(3);
    expect(digest.text).not.toMatch(INTERNAL[0]!);
    console.log(digest.text);
  });
});
