import { readFileSync } from 'node:fs';
import type { Org } from '../../src/core/org.js';
import type { Policy } from '../../src/core/policy.js';
import { DAY_MS } from '../../src/core/profile.js';
import type { Signal } from '../../src/core/signal.js';
import { MemoryModel } from './memory-model.js';

/** Test-only: the shipped policy, an in-memory model for example.org, and a clock at a Monday. */
export const defaultPolicy = JSON.parse(readFileSync(new URL('../../policy/default.json', import.meta.url), 'utf8')) as Policy;
export const exampleOrg: Org = { domains: ['example.org'] };
/** Monday 1 January 2024, 00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 1);
export const HOUR_MS = 3_600_000;

export function newModel(org: Org = exampleOrg): MemoryModel {
  return new MemoryModel(org, defaultPolicy);
}

/** Day `n` after T0 at `hour` UTC. */
export function at(day: number, hour = 10, minute = 0): number {
  return T0 + day * DAY_MS + hour * HOUR_MS + minute * 60_000;
}

export function signal(signals: readonly Signal[], id: string): Signal | undefined {
  return signals.find((s) => s.id === id);
}
