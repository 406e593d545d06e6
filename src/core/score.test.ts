import { describe, expect, it } from 'vitest';
import type { Policy } from './policy.js';
import { anomalyScore } from './score.js';
import type { Signal } from './signal.js';

const policy: Policy = {
  version: 1,
  signals: {
    FIRST_CONTACT: { weight: 0.5 },
    BANK_CHANGED: { weight: 0.8 },
    SOLICITED: { weight: -0.6, mitigates: ['FIRST_CONTACT'] },
    KNOWN_GOOD: { weight: -0.5 },
  },
  tags: [],
  delivery: [],
  links: [],
  attachments: [],
};
const signal = (id: string, strength = 1): Signal => ({ id, strength, evidence: {}, summary: id });

describe('anomalyScore', () => {
  it('combines independent evidence as noisy-OR, weighted by strength', () => {
    expect(anomalyScore([], policy)).toBe(0);
    expect(anomalyScore([signal('FIRST_CONTACT')], policy)).toBe(50);
    expect(anomalyScore([signal('FIRST_CONTACT', 0.5)], policy)).toBe(25);
    expect(anomalyScore([signal('FIRST_CONTACT'), signal('BANK_CHANGED')], policy)).toBe(90);
  });

  it('lets a scoped mitigation lower only the signals it explains', () => {
    expect(anomalyScore([signal('FIRST_CONTACT'), signal('SOLICITED')], policy)).toBe(20);
    expect(anomalyScore([signal('BANK_CHANGED'), signal('SOLICITED')], policy)).toBe(80);
    expect(anomalyScore([signal('FIRST_CONTACT'), signal('BANK_CHANGED'), signal('SOLICITED')], policy)).toBe(84);
  });

  it('applies an unscoped mitigation to everything', () => {
    expect(anomalyScore([signal('BANK_CHANGED'), signal('KNOWN_GOOD')], policy)).toBe(40);
  });

  it('ignores signals the policy does not weigh', () => {
    expect(anomalyScore([signal('UNKNOWN_SIGNAL')], policy)).toBe(0);
  });
});
