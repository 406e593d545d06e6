import type { ModelFeature } from '../feature.js';
import { relationshipFeature } from './relationship.js';

/** Every model feature, in a fixed order so lookups and learning are deterministic. */
export const ALL_FEATURES: readonly ModelFeature[] = [relationshipFeature];
