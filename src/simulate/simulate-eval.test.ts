import { describe, expect, it } from 'vitest';
import { evalSmallSimulation } from '../../test/helpers/simulated-eval.js';
import { ATTACK_KINDS } from './attacks.js';

/**
 * End to end: the small simulated organisation goes through the evaluation contract. Only
 * completion and coverage are asserted; detection rates belong to the checks' own work.
 */
describe('simulated organisation through belong eval', () => {
  it('completes, scoring attacks of every kind', async () => {
    const report = await evalSmallSimulation();
    expect(report.unreadable).toBe(0);
    expect(report.orgDomains).toEqual(['corvid-labs.example']);
    expect(report.learned).toBeGreaterThan(300);
    expect(Object.keys(report.attacks).sort()).toEqual([...ATTACK_KINDS].sort());
    for (const kind of ATTACK_KINDS) expect(report.attacks[kind]?.total).toBe(2);
  }, 120_000);
});
