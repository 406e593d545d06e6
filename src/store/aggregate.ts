import { type Counter, type Observation, type ProfileKey, keyString, massAt, mergeCounters } from '../core/profile.js';
import { BelongError, ERROR_CODES } from '../errors.js';

export interface KeyedCounter {
  readonly key: ProfileKey;
  readonly counter: Counter;
}

/**
 * Folds one learn() batch into one counter per key before touching the database: a message
 * often repeats a key (several links to one domain), and one upsert per distinct key is both
 * faster and the same result, since the merge is commutative. Shared by every backend.
 */
export function aggregateObservations(observations: readonly Observation[]): KeyedCounter[] {
  const byKey = new Map<string, KeyedCounter>();
  for (const { key, at } of observations) {
    // Rejected up front so a bad timestamp cannot poison a counter (NaN never compares) and the batch stays all-or-nothing.
    if (!Number.isFinite(at)) {
      throw new BelongError(ERROR_CODES.STORE, `observation time is not a finite number: ${String(at)}`, keyString(key).replaceAll('\u0000', '/'));
    }
    const k = keyString(key);
    const one: Counter = { count: 1, mass: massAt(at), firstSeen: at, lastSeen: at };
    const prior = byKey.get(k);
    byKey.set(k, { key: prior?.key ?? key, counter: mergeCounters(prior?.counter, one) });
  }
  return [...byKey.values()];
}
