import type { Counter, Observation, ProfileKey, ValueCounter, ValuesQuery } from '../core/profile.js';
import type { Verdict } from '../core/verdict.js';

/** A verdict as kept: the verdict plus where the message came from. */
export interface StoredVerdict {
  readonly verdict: Verdict;
  /** File path, spool id, or other origin label; null when unknown. */
  readonly origin: string | null;
}

/**
 * Everything the engine persists. Async so that a networked backend (PostgreSQL) fits the same
 * shape; the conformance suite in `store.conformance.ts` is the contract every backend passes.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Apply pending migrations (idempotent). Called once at open. */
  migrate(): Promise<void>;
  /**
   * One batched read. Keys whose value is ANY_VALUE return a summary over all values of that
   * (entity, id, feature): summed count and mass, min firstSeen, max lastSeen, and `distinct`.
   * Absent counters are absent from the map. Map keys are `keyString(key)`.
   */
  readProfiles(keys: readonly ProfileKey[]): Promise<Map<string, Counter>>;
  /**
   * One batched read of value lists: per query, up to `limit` (capped at MAX_VALUES_PER_QUERY)
   * values of (entity, id, feature), most counted first, ties by value ascending. Map keys are
   * `valuesKeyString(query)`; a query with no values maps to nothing.
   */
  readValues(queries: readonly ValuesQuery[]): Promise<Map<string, ValueCounter[]>>;
  /** Commutative upsert of each observation: count += 1, mass += massAt(at), first = min, last = max. Atomic per call. */
  learn(observations: readonly Observation[]): Promise<void>;
  saveVerdict(stored: StoredVerdict): Promise<void>;
  getVerdict(id: string): Promise<StoredVerdict | null>;
  /** Newest first by analysedAt. */
  listVerdicts(options: { limit: number; offset?: number }): Promise<StoredVerdict[]>;
  getMeta(name: string): Promise<string | null>;
  setMeta(name: string, value: string): Promise<void>;
  close(): Promise<void>;
}
