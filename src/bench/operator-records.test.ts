import { describe, expect, it } from 'vitest';
import type { Verdict } from '../core/verdict.js';
import { Rng } from '../simulate/rng.js';
import { operatorRecordsOf } from './operator-records.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 1);

function verdict(id: string, at: number, actions: Partial<Verdict['actions']>): Verdict {
  return {
    id,
    digest: `sha256:${id}`,
    messageId: `<${id}@vendor.example>`,
    analysedAt: at,
    direction: 'inbound',
    from: 'mallory@evil.example',
    recipients: ['bob@corp.example'],
    subject: 'Invoice',
    score: 80,
    tags: [],
    signals: [],
    threat: { asks: [], evidence: {} },
    actions: { delivery: 'deliver', links: 'none', attachments: 'none', notTaken: [], ...actions },
    reason: '',
    defects: [],
    narrative: { headline: '', sentences: [], text: '' },
  };
}

describe('operator records for the benchmark', () => {
  it('holds only held mail: awaiting a decision within the retention, decided or expired after it', () => {
    const rng = new Rng(3);
    const recent = Array.from({ length: 200 }, (_, i) => operatorRecordsOf(verdict(`r${i}`, END - 5 * DAY, { delivery: 'hold' }), rng, END).quarantine);
    const old = Array.from({ length: 200 }, (_, i) => operatorRecordsOf(verdict(`o${i}`, END - 60 * DAY, { delivery: 'hold' }), rng, END).quarantine);
    const states = (entries: typeof recent) => new Set(entries.map((e) => e?.state));
    expect(states(recent)).toEqual(new Set(['held', 'release_requested', 'released', 'deleted']));
    expect(states(old)).toEqual(new Set(['expired', 'released', 'deleted']));
    expect(recent[0]).toMatchObject({ verdictId: 'r0', sender: 'mallory@evil.example', recipients: ['bob@corp.example'], receivedAt: END - 5 * DAY, expiresAt: END + 25 * DAY });
    for (const e of [...recent, ...old]) expect(e && e.updatedAt >= e.receivedAt && e.updatedAt <= END).toBe(true);
    expect(operatorRecordsOf(verdict('d', END - DAY, { delivery: 'banner' }), rng, END).quarantine).toBeNull();
  });

  it('clicks only on mail whose links were locked, some of it, after it arrived', () => {
    const rng = new Rng(4);
    const locked = Array.from({ length: 1000 }, (_, i) => operatorRecordsOf(verdict(`l${i}`, END - DAY, { links: 'lock' }), rng, END).clicks).flat();
    expect(locked.length).toBeGreaterThan(20);
    expect(locked.length).toBeLessThan(150);
    expect(locked.every((c) => c.at > END - DAY && (c.actor === null || c.actor === 'bob@corp.example'))).toBe(true);
    expect(new Set(locked.map((c) => c.outcome))).toEqual(new Set(['blocked', 'continued']));
    const unlocked = Array.from({ length: 1000 }, (_, i) => operatorRecordsOf(verdict(`u${i}`, END - DAY, {}), rng, END).clicks).flat();
    expect(unlocked).toEqual([]);
  });

  it('draws the same records from the same seed', () => {
    const run = () => operatorRecordsOf(verdict('x', END - 2 * DAY, { delivery: 'hold', links: 'double_lock' }), new Rng(9), END);
    expect(run()).toEqual(run());
  });
});
