import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Verdict } from '../../src/core/verdict.js';
import { readManifest, type ManifestEntry } from '../../src/engine/eval/manifest.js';
import type { EvalReport } from '../../src/engine/eval/report.js';
import { runEval } from '../../src/engine/eval/run-eval.js';
import { simulatedReplayOptions } from '../../src/simulate/replay-options.js';
import { simulate } from '../../src/simulate/simulate.js';
import { openStore } from '../../src/store/open-store.js';

/**
 * Test-only: the small simulated organisation (seed 1) written to a temp dir and replayed through
 * the evaluation contract on a fresh SQLite store (removed afterwards); any unreadable input fails the test.
 */
export async function evalSmallSimulation(onVerdict?: (entry: ManifestEntry, verdict: Verdict) => void): Promise<EvalReport> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-sim-'));
  const { manifest } = simulate({ out: dir, seed: 1, scale: 'small' });
  const store = await openStore({ dbPath: path.join(dir, 'eval.db'), databaseUrl: null });
  try {
    return await runEval(readManifest(manifest), {
      ...simulatedReplayOptions(),
      store,
      hooks: { onProblem: (origin, message) => expect.fail(`${origin}: ${message}`) },
      onVerdict,
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
