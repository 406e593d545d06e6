import { assessAuthentication, type AuthAssessment } from '../auth-standing.js';
import type { Message } from '../message.js';
import type { Org } from '../org.js';
import type { ProfileKey, ValuesQuery } from '../profile.js';
import { correspondentsOf, type Correspondents } from './correspondents.js';

/** What every model feature sees of one email: the message plus who is on each side. */
export interface FeatureInput {
  readonly message: Message;
  readonly org: Org;
  readonly who: Correspondents;
  readonly auth: AuthAssessment;
}

export function featureInput(message: Message, org: Org): FeatureInput {
  return { message, org, who: correspondentsOf(message, org), auth: assessAuthentication(message) };
}

/**
 * One aspect of the patterns of life (relationships, infrastructure, link domains, ...): which
 * counters it reads to judge an email, and which it adds when learning one. Features are
 * independent, so a new one is a new file plus a line in `features/registry.ts`. Lookups must
 * stay bounded per email (cap lists), because they become one batched store read.
 */
export interface ModelFeature {
  readonly name: string;
  lookups(input: FeatureInput): ProfileKey[];
  /** Value lists to read (e.g. the established domains a lookalike could imitate); bounded by each query's limit. */
  valueLookups?(input: FeatureInput): ValuesQuery[];
  observations(input: FeatureInput): ProfileKey[];
}
