import { linkDomainsOf } from '../../content/urls.js';
import type { ProfileKey } from '../../profile.js';
import { ContentKeys } from '../content-keys.js';
import type { FeatureInput, ModelFeature } from '../feature.js';

function linkKeys({ who, message }: FeatureInput): ProfileKey[] {
  const domains = linkDomainsOf(message.links);
  if (domains.length === 0) return [];
  const keys: ProfileKey[] = [ContentKeys.orgLinkMessages()];
  if (who.sender) keys.push(ContentKeys.senderLinkMessages(who.sender));
  for (const d of domains) {
    keys.push(ContentKeys.orgLinkDomain(d));
    if (who.sender) keys.push(ContentKeys.senderLinkDomain(who.sender, d));
  }
  return keys;
}

/**
 * Which link domains the organisation's mail carries, org-wide and per sender, in both
 * directions: a domain our own people link to is known here. Bounded to MAX_LINK_DOMAINS
 * distinct domains per message, for lookups and learning alike.
 */
export const linksFeature: ModelFeature = {
  name: 'links',

  // Reads exactly what it learns: the org's and this sender's link counters for each domain.
  lookups: linkKeys,
  observations: linkKeys,
};
