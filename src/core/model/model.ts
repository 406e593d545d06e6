import { keyString, valuesKeyString, type Observation, type ProfileKey, type ValuesQuery } from '../profile.js';
import type { FeatureInput } from './feature.js';
import { ALL_FEATURES } from './features/registry.js';

function unique(keys: readonly ProfileKey[]): ProfileKey[] {
  const seen = new Map<string, ProfileKey>();
  for (const k of keys) if (!seen.has(keyString(k))) seen.set(keyString(k), k);
  return [...seen.values()];
}

/** Every counter any feature needs for this email: one batched store read. */
export function modelLookups(input: FeatureInput): ProfileKey[] {
  return unique(ALL_FEATURES.flatMap((f) => f.lookups(input)));
}

/** Every value list any feature needs for this email: one more batched read. */
export function modelValueLookups(input: FeatureInput): ValuesQuery[] {
  const seen = new Map<string, ValuesQuery>();
  for (const q of ALL_FEATURES.flatMap((f) => f.valueLookups?.(input) ?? [])) {
    const existing = seen.get(valuesKeyString(q));
    if (!existing || existing.limit < q.limit) seen.set(valuesKeyString(q), q);
  }
  return [...seen.values()];
}

/** Everything this email teaches, from every feature (duplicates kept: each is one sighting). */
export function modelObservations(input: FeatureInput, at: number): Observation[] {
  return ALL_FEATURES.flatMap((f) => f.observations(input)).map((key) => ({ key, at }));
}
