/**
 * Real verdicts for benchmarks: the simulated organisation's mail (src/simulate, default scale)
 * replayed through the evaluation contract on a throwaway SQLite store, with the learn/test
 * boundary moved earlier than the simulator's so a few thousand messages are scored (each
 * scored message is learned from afterwards, as in production). The verdicts are the engine's
 * own — scores, tags, actions, signals and narratives — not hand-made shapes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Verdict } from '../core/verdict.js';
import { readManifest } from '../engine/eval/manifest.js';
import { runEval } from '../engine/eval/run-eval.js';
import { simulatedReplayOptions } from '../simulate/replay-options.js';
import { simulate } from '../simulate/simulate.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

export interface EngineVerdicts {
  /** The simulated organisation's own domain. */
  readonly orgDomain: string;
  readonly verdicts: readonly Verdict[];
  readonly learned: number;
}

export interface EngineVerdictOptions {
  readonly seed: number;
  /** Messages learned (not scored) before scoring starts, counted from the oldest. */
  readonly learnFirst: number;
  /** Called every `every` messages replayed. */
  readonly progress: (done: number, total: number) => void;
  readonly every: number;
}

export async function engineVerdicts(options: EngineVerdictOptions): Promise<EngineVerdicts> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-sim-'));
  try {
    const summary = simulate({ out: dir, seed: options.seed, scale: 'default' });
    const manifest = readManifest(summary.manifest);
    // Labels stay as the simulator wrote them; only which messages are scored changes.
    const entries = manifest.entries.map((entry, index) => ({ ...entry, phase: index < options.learnFirst ? ('learn' as const) : ('test' as const) }));
    const store = await openSqliteStore(path.join(dir, 'engine.db'));
    const verdicts: Verdict[] = [];
    let done = 0;
    try {
      const report = await runEval({ ...manifest, entries }, {
        ...simulatedReplayOptions(),
        store,
        hooks: {
          onProblem: (origin, message) => {
            throw new Error(`simulated message ${origin} could not be replayed: ${message}`);
          },
          onMessage: () => {
            done += 1;
            if (done % options.every === 0) options.progress(done, entries.length);
          },
        },
        onVerdict: (_entry, verdict) => verdicts.push(verdict),
      });
      return { orgDomain: summary.org.domain, verdicts, learned: report.learned };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
