import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionPlan, Verdict } from '../core/verdict.js';
import { openStore } from '../store/open-store.js';
import { replayCommand } from './replay.js';
import { summarise } from './replay-summary.js';
import { loadPolicy } from '../config/policy-file.js';

function verdict(id: string, at: string, actions: Partial<ActionPlan>, extra: Partial<Verdict> = {}): Verdict {
  return {
    id,
    digest: id,
    messageId: null,
    analysedAt: Date.parse(at),
    direction: 'inbound',
    from: 'someone@sender.example',
    recipients: ['bob@example.org'],
    subject: `subject ${id}`,
    score: 10,
    tags: [],
    signals: [],
    threat: { asks: [], evidence: {} },
    actions: { delivery: 'deliver', links: 'none', attachments: 'none', notTaken: [], ...actions },
    reason: 'test',
    defects: [],
    narrative: { headline: 'test', sentences: [], text: '' },
    ...extra,
  };
}

let output = '';
beforeEach(() => {
  output = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output += String(chunk);
    return true;
  });
});
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('belong replay', () => {
  it('counts what active mode would do and lists the messages it would change, newest first, since a date', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-replay-'));
    dirs.push(dir);
    const dbPath = path.join(dir, 'belong.db');
    const store = await openStore({ dbPath, databaseUrl: null });
    await store.saveVerdict({ verdict: verdict('v-old', '2025-01-01T00:00:00Z', { delivery: 'hold' }), origin: null });
    await store.saveVerdict({ verdict: verdict('v-a', '2025-03-01T00:00:00Z', { links: 'lock' }), origin: null });
    await store.saveVerdict({ verdict: verdict('v-b', '2025-03-02T00:00:00Z', {}), origin: null });
    await store.saveVerdict({ verdict: verdict('v-c', '2025-03-03T00:00:00Z', { delivery: 'banner', attachments: 'strip' }), origin: null });
    await store.close();

    expect(await replayCommand({ db: dbPath, since: '2025-02-01', rows: '10', json: true })).toBe(0);
    const report = JSON.parse(output) as { verdicts: number; counts: Record<string, Record<string, number>>; changed: Array<{ verdictId: string }> };
    expect(report.verdicts).toBe(3);
    expect(report.counts.delivery).toEqual({ deliver: 2, banner: 1, junk: 0, hold: 0 });
    expect(report.counts.links).toMatchObject({ lock: 1, none: 2 });
    expect(report.changed.map((c) => c.verdictId)).toEqual(['v-c', 'v-a']);

    output = '';
    await replayCommand({ db: dbPath, rows: '10' });
    expect(output).toMatch(/4 stored verdicts .* active mode would change 3/u);
    expect(output).toMatch(/hold\s+none\s+none/u);
  });

  it('--replan applies the current policy ladders to the stored score, threat and signals', () => {
    const stored = verdict('v-x', '2025-03-01T00:00:00Z', { delivery: 'hold' }, { score: 5, threat: { asks: ['link'], evidence: {} } });
    expect(summarise([{ verdict: stored, origin: null }], null).counts.delivery.hold).toBe(1);
    const replanned = summarise([{ verdict: stored, origin: null }], loadPolicy());
    expect(replanned.counts.delivery.deliver).toBe(1);
    expect(replanned.changed).toHaveLength(0);
  });
});
