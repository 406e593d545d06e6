import { describe, expect, it } from 'vitest';
import { rarityWithBackoff } from './rarity.js';

describe('rarityWithBackoff', () => {
  it('trusts an entity with long history: its own never-seen value is rare even if the org sees it often', () => {
    const r = rarityWithBackoff({ entity: { valueCount: 0, total: 500 }, org: { valueCount: 4000, total: 10000 } });
    expect(r.basis).toBe('entity');
    expect(r.probability).toBeLessThan(0.01);
  });

  it('backs off to the group, then the organisation, for a newcomer', () => {
    const newcomer = rarityWithBackoff({ entity: { valueCount: 0, total: 1 }, group: { valueCount: 30, total: 100 }, org: { valueCount: 40, total: 1000 } });
    expect(newcomer.basis).toBe('group');
    expect(newcomer.probability).toBeGreaterThan(0.2);
    const loner = rarityWithBackoff({ entity: { valueCount: 0, total: 0 }, org: { valueCount: 400, total: 1000 } });
    expect(loner.basis).toBe('org');
    expect(loner.probability).toBeCloseTo(0.4, 1);
  });

  it('says a value nobody has ever seen is rare, but not impossible', () => {
    const r = rarityWithBackoff({ entity: { valueCount: 0, total: 0 }, org: { valueCount: 0, total: 1000 } });
    expect(r.probability).toBeGreaterThan(0);
    expect(r.probability).toBeLessThan(0.001);
  });
});
