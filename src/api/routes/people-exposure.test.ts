import { describe, expect, it } from 'vitest';
import { type ExposureFacts, exposureOf, exposureReasons } from './people-exposure.js';

const quiet: ExposureFacts = { total: 40, anomalous: 0, held: 0, maxScore: 20, clicks: 0, clicksThrough: 0, vip: false, vipBasis: 'none', groups: [], topTags: [] };

describe('exposureOf', () => {
  it('is the documented sum: volume, targeting, holds, clicks, severity', () => {
    // 35(1-e^-0.5) + 20·1·(2/3) + 15(1-e^-0.5) + 20(1-e^-1) + 8.8 = 54.4
    expect(exposureOf({ ...quiet, total: 2, anomalous: 2, held: 1, maxScore: 88, clicks: 1 })).toBe(54);
    expect(exposureOf(quiet)).toBe(2);
    expect(exposureOf({ ...quiet, total: 0, maxScore: 0 })).toBe(0);
  });

  it('rises with each kind of exposure and weighs VIPs more, never past 100', () => {
    const some = { ...quiet, anomalous: 3 };
    expect(exposureOf(some)).toBeGreaterThan(exposureOf(quiet));
    expect(exposureOf({ ...some, anomalous: 6 })).toBeGreaterThan(exposureOf(some));
    expect(exposureOf({ ...some, held: 1 })).toBeGreaterThan(exposureOf(some));
    expect(exposureOf({ ...some, clicks: 1 })).toBeGreaterThan(exposureOf(some));
    expect(exposureOf({ ...some, total: 4 })).toBeGreaterThan(exposureOf(some));
    expect(exposureOf({ ...some, vip: true })).toBeGreaterThan(exposureOf(some));
    expect(exposureOf({ ...quiet, total: 500, anomalous: 500, held: 500, clicks: 50, maxScore: 100, vip: true })).toBe(100);
  });
});

describe('exposureReasons', () => {
  it('says what drove the exposure in plain English', () => {
    expect(
      exposureReasons({ ...quiet, total: 4, anomalous: 3, held: 1, maxScore: 91, clicks: 2, clicksThrough: 1, vip: true, vipBasis: 'learned', groups: ['executives'], topTags: [{ tag: 'Impersonation', count: 2 }] }),
    ).toEqual([
      'received 3 anomalous emails, 1 held',
      '2 clicks on locked links (1 went on to the site)',
      '75% of their mail was anomalous',
      'VIP (learned from the mail graph)',
      'in executives',
      'most often tagged Impersonation (2)',
      'highest score 91',
    ]);
    expect(exposureReasons({ ...quiet, anomalous: 1, clicks: 1 })).toEqual(['received 1 anomalous email', '1 click on locked links (blocked)', 'highest score 20']);
    expect(exposureReasons(quiet)).toEqual(['nothing anomalous in this period']);
    expect(exposureReasons({ ...quiet, vip: true, vipBasis: 'configured' })).toEqual(['VIP']);
  });
});
