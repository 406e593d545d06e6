import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/core/verdict.js';
import { evalSmallSimulation } from '../helpers/simulated-eval.js';

/** Asks a rewrite cannot neutralise: only these may justify holding an email. */
const REQUEST_ASKS = new Set(['payment', 'bank_details_change', 'credentials', 'gift_card', 'callback']);

describe('action plans over the simulated organisation (small)', () => {
  it('holds no email because of a link alone, and neutralises risky links and attachments in place', async () => {
    const seen: Array<{ label: string; kind: string; verdict: Verdict }> = [];
    await evalSmallSimulation((entry, verdict) => seen.push({ label: entry.label ?? 'unlabelled', kind: entry.kind ?? '', verdict }));
    const legit = seen.filter((s) => s.label === 'legit');
    expect(legit.length).toBeGreaterThan(100);
    const heldForLinkAlone = legit.filter(({ verdict: v }) => v.actions.delivery === 'hold' && v.threat.asks.includes('link') && !v.threat.asks.some((a) => REQUEST_ASKS.has(a)));
    expect(heldForLinkAlone.map((s) => s.verdict.subject)).toEqual([]);
    // Stronger, and true by construction of the default ladders: nothing is held without a request-type ask.
    expect(seen.filter(({ verdict: v }) => v.actions.delivery === 'hold' && !v.threat.asks.some((a) => REQUEST_ASKS.has(a)))).toEqual([]);
    // Every plan explains itself: each rung above the floor has a reason, each stronger rung a why-not.
    for (const { verdict: v } of seen) {
      if (v.actions.delivery !== 'deliver') expect(v.actions.why?.some((w) => w.area === 'delivery')).toBe(true);
      if (v.actions.delivery !== 'hold') expect(v.actions.notTaken.some((n) => n.area === 'delivery' && n.action === 'hold')).toBe(true);
    }
    const malicious = seen.filter((s) => s.kind === 'malicious-attachment');
    expect(malicious.length).toBeGreaterThan(0);
    for (const { verdict: v } of malicious) expect(['convert', 'strip']).toContain(v.actions.attachments);

    const counts = new Map<string, number>();
    for (const { label, verdict: v } of seen) {
      for (const key of [`${label} delivery=${v.actions.delivery}`, `${label} links=${v.actions.links}`, `${label} attachments=${v.actions.attachments}`]) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log([...counts].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
  }, 120_000);
});
