import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import { readManifest } from '../engine/eval/manifest.js';
import { runEval } from '../engine/eval/run-eval.js';
import { openStore } from '../store/open-store.js';
import { ATTACK_KINDS } from './attacks.js';
import { simulate } from './simulate.js';

/**
 * End to end: the small simulated organisation goes through the evaluation contract. Only
 * completion and coverage are asserted; detection rates belong to the checks' own work.
 */
describe('simulated organisation through belong eval', () => {
  it('completes, scoring attacks of every kind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-sim-eval-'));
    const { manifest } = simulate({ out: dir, seed: 1, scale: 'small' });
    const store = await openStore({ dbPath: path.join(dir, 'eval.db'), databaseUrl: null });
    try {
      const report = await runEval(readManifest(manifest), {
        store,
        policy: loadPolicy(),
        configuredOrg: { domains: [] },
        trustedAuthservIds: [],
        resolver: null,
        wallClock: Date.UTC(2025, 7, 1),
        hooks: { onProblem: (origin, message) => expect.fail(`${origin}: ${message}`) },
      });
      expect(report.unreadable).toBe(0);
      expect(report.orgDomains).toEqual(['corvid-labs.example']);
      expect(report.learned).toBeGreaterThan(300);
      expect(Object.keys(report.attacks).sort()).toEqual([...ATTACK_KINDS].sort());
      for (const kind of ATTACK_KINDS) expect(report.attacks[kind]?.total).toBe(2);
    } finally {
      await store.close();
    }
  }, 120_000);
});
