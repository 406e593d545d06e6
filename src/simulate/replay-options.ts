import { loadPolicy } from '../config/policy-file.js';
import type { EvalOptions } from '../engine/eval/run-eval.js';

/**
 * How the simulated organisation's mail is replayed through the evaluation contract (tests and
 * benchmarks): the default policy; no configured organisation, trusted authserv-id or DNS (the
 * manifest names the organisation's domains and the simulated mail is self-contained); and a
 * wall clock after the simulated timeline, so no message is "from the future" of the replay.
 */
export function simulatedReplayOptions(): Pick<EvalOptions, 'policy' | 'configuredOrg' | 'trustedAuthservIds' | 'resolver' | 'wallClock'> {
  return { policy: loadPolicy(), configuredOrg: { domains: [] }, trustedAuthservIds: [], resolver: null, wallClock: Date.UTC(2025, 7, 1) };
}
