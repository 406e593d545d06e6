import { describe, expect, it } from 'vitest';
import { effectiveAutonomy } from './autonomy.js';

const groups = { executives: ['ceo@example.org'], security: ['soc@example.org'] };

describe('effectiveAutonomy', () => {
  it('uses the organisation setting when no recipient is in an overridden group', () => {
    expect(effectiveAutonomy(['bob@example.org'], { autonomy: 'passive', autonomyByGroup: { executives: 'active' }, groups })).toBe('passive');
    expect(effectiveAutonomy(['bob@example.org'], { autonomy: 'active', autonomyByGroup: {}, groups })).toBe('active');
  });

  it('a group override wins over the organisation setting', () => {
    expect(effectiveAutonomy(['CEO@example.org'], { autonomy: 'passive', autonomyByGroup: { executives: 'active' }, groups })).toBe('active');
    expect(effectiveAutonomy(['soc@example.org'], { autonomy: 'active', autonomyByGroup: { security: 'passive' }, groups })).toBe('passive');
  });

  it('when recipients are in groups that disagree, passive wins', () => {
    expect(effectiveAutonomy(['ceo@example.org', 'soc@example.org'], { autonomy: 'active', autonomyByGroup: { executives: 'active', security: 'passive' }, groups })).toBe('passive');
  });
});
