import { dimensionValues, INFRASTRUCTURE_DIMENSIONS, sendingInfrastructure } from '../../behaviour/infrastructure.js';
import type { ProfileKey } from '../../profile.js';
import { BehaviourKeys, type Level } from '../behaviour-keys.js';
import type { FeatureInput } from '../feature.js';
import type { ModelFeature } from '../feature.js';

function infrastructureKeys({ message, org, who }: FeatureInput): ProfileKey[] {
  if (!who.sender) return [];
  const infra = sendingInfrastructure(message, org);
  const levels: ReadonlyArray<readonly [Level, string]> = [['address', who.sender], ['domain', who.senderDomain], ['org', '']];
  const keys: ProfileKey[] = [];
  for (const dimension of INFRASTRUCTURE_DIMENSIONS) {
    for (const value of dimensionValues(infra, dimension)) {
      for (const [level, id] of levels) if (level !== 'domain' || id) keys.push(BehaviourKeys.infra(level, id, dimension, value));
    }
  }
  return keys;
}

/**
 * Which sending infrastructure (network, host, DKIM signer, mailer family) each sender, each
 * sender domain and the organisation use: a known sender suddenly arriving over infrastructure
 * neither they nor their domain ever used is a spoof or a takeover; a new colleague at a known
 * vendor over the vendor's usual servers is not.
 */
export const infrastructureFeature: ModelFeature = {
  name: 'infrastructure',
  lookups(input) {
    const keys = infrastructureKeys(input);
    if (!input.who.sender) return keys;
    for (const dimension of INFRASTRUCTURE_DIMENSIONS) {
      keys.push(BehaviourKeys.infraTotal('address', input.who.sender, dimension), BehaviourKeys.infraTotal('org', '', dimension));
      if (input.who.senderDomain) keys.push(BehaviourKeys.infraTotal('domain', input.who.senderDomain, dimension));
    }
    return keys;
  },
  observations: infrastructureKeys,
};
