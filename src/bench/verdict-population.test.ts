import { describe, expect, it } from 'vitest';
import type { Verdict } from '../core/verdict.js';
import { Rng } from '../simulate/rng.js';
import { SkewedPicker, VerdictReplicator, buildPopulation, mailTimes } from './verdict-population.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 1);

function template(extra: Partial<Verdict>): Verdict {
  const from = extra.from ?? 'alice@vendor.example';
  return {
    id: 't',
    digest: 'sha256:t',
    messageId: '<t@vendor.example>',
    analysedAt: 0,
    direction: 'inbound',
    from,
    recipients: ['bob@corp.example'],
    subject: 'Invoice 42',
    score: 0,
    tags: [],
    signals: [{ id: 'FIRST_CONTACT', strength: 0.8, evidence: { sender: from, recipient: 'bob@corp.example' }, summary: `${from} wrote to bob@corp.example` }],
    threat: { asks: [], evidence: {} },
    actions: { delivery: 'deliver', links: 'none', attachments: 'none', notTaken: [] },
    reason: `${from.toUpperCase()} wrote`,
    defects: [],
    narrative: { headline: `From ${from}`, sentences: [[{ text: from, ref: { kind: 'sender', id: from } }]], text: `From ${from} to bob@corp.example` },
    ...extra,
  };
}

describe('verdict population', () => {
  const population = buildPopulation(new Rng(1), { orgDomain: 'corp.example', people: 50, externalDomains: 200 });

  it('builds distinct people in the organisation and groups drawn from them', () => {
    expect(new Set(population.people).size).toBe(50);
    expect(population.people.every((p) => p.endsWith('@corp.example'))).toBe(true);
    expect(new Set(population.externalDomains).size).toBe(200);
    for (const members of Object.values(population.groups)) expect(members.every((m) => population.people.includes(m))).toBe(true);
  });

  it('spreads times over the period, oldest first, fewer on weekends', () => {
    const times = mailTimes(new Rng(2), 5000, END, 90);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(END - 90 * DAY);
    expect(times[times.length - 1]).toBeLessThan(END);
    const weekend = times.filter((t) => [0, 6].includes(new Date(t).getUTCDay())).length;
    expect(weekend / times.length).toBeLessThan(0.1);
  });

  it('skews picks towards the first items', () => {
    const picker = new SkewedPicker(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 1);
    const rng = new Rng(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const x = picker.pick(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect(counts.get('a') ?? 0).toBeGreaterThan(3 * (counts.get('h') ?? 0));
    expect(counts.size).toBe(8);
  });

  it('copies clean mail with a new sender and recipients replaced everywhere, and is reproducible', () => {
    const make = () => new VerdictReplicator([template({})], population, new Rng(4)).make(7, END - DAY);
    const copy = make();
    expect(copy).toEqual(make());
    expect(copy.analysedAt).toBe(END - DAY);
    expect(copy.id).not.toBe('t');
    expect(copy.from).not.toBe('alice@vendor.example');
    expect(copy.recipients.length).toBeGreaterThanOrEqual(1);
    expect(copy.recipients.length).toBeLessThanOrEqual(3);
    expect(copy.recipients.every((r) => population.people.includes(r))).toBe(true);
    const text = JSON.stringify(copy).toLowerCase();
    expect(text).not.toContain('alice@vendor.example');
    expect(text).not.toContain('bob@corp.example');
    expect(copy.narrative.sentences[0]?.[0]?.ref?.id).toBe(copy.from);
    expect(copy.subject).toBe('Invoice 42');
  });

  it("keeps a flagged inbound message's own sender (the lookalike is the point)", () => {
    const flagged = template({ from: 'ceo@corp-example.example', tags: ['Impersonation'], score: 90, actions: { delivery: 'hold', links: 'none', attachments: 'none', notTaken: [] } });
    const copy = new VerdictReplicator([flagged], population, new Rng(5)).make(0, END - DAY);
    expect(copy.from).toBe('ceo@corp-example.example');
    expect(copy.tags).toEqual(['Impersonation']);
    expect(copy.actions.delivery).toBe('hold');
  });
});
