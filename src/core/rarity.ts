/**
 * How surprising is a value for an entity, given how often it was seen for the entity, for the
 * entity's group and for the whole organisation? Each level is smoothed towards the level
 * above (Bayesian backoff), so an entity with little history leans on its group and the org,
 * and the answer says how much history it rested on (DESIGN: "Rarity with backoff").
 * Generic over (entity, feature, value): email is only the first user.
 */

export interface LevelCounts {
  /** Sightings of this value at this level (may be decayed weights). */
  readonly valueCount: number;
  /** Sightings of any value at this level. */
  readonly total: number;
}

export type RarityBasis = 'entity' | 'group' | 'org';

export interface RarityEstimate {
  /** Estimated probability of the value for the entity, 0..1. */
  readonly probability: number;
  /** The most specific level that had enough history to speak for itself. */
  readonly basis: RarityBasis;
  /** Sightings of any value for the entity itself: how much its own history counted. */
  readonly entityHistory: number;
}

/** Pseudo-count: a level needs about this many sightings before it outweighs the level above. */
export const BACKOFF_STRENGTH = 5;

function smoothed(level: LevelCounts, prior: number, strength: number): number {
  return (level.valueCount + strength * prior) / (level.total + strength);
}

export function rarityWithBackoff(
  levels: { readonly entity: LevelCounts; readonly group?: LevelCounts; readonly org: LevelCounts },
  strength = BACKOFF_STRENGTH,
): RarityEstimate {
  // The org level backs off to an uninformative half-count, so a never-seen value is rare but not impossible.
  const pOrg = (levels.org.valueCount + 0.5) / (levels.org.total + 1);
  const pGroup = levels.group ? smoothed(levels.group, pOrg, strength) : pOrg;
  const probability = smoothed(levels.entity, pGroup, strength);
  const basis: RarityBasis = levels.entity.total >= strength ? 'entity' : levels.group && levels.group.total >= strength ? 'group' : 'org';
  return { probability, basis, entityHistory: levels.entity.total };
}
