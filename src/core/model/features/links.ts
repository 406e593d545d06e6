import { linkDomainsOf } from '../../content/urls.js';
import type { ProfileKey } from '../../profile.js';
import { ContentKeys } from '../content-keys.js';
import type { ModelFeature } from '../feature.js';

/**
 * Which link domains the organisation's mail carries, org-wide and per sender, in both
 * directions: a domain our own people link to is known here. Bounded to MAX_LINK_DOMAINS
 * distinct domains per message, for lookups and learning alike.
 */
export const linksFeature: ModelFeature = {
  name: 'links',

  lookups({ who, message }) {
    const domains = linkDomainsOf(message.links);
    if (domains.length === 0) return [];
    const keys: ProfileKey[] = [ContentKeys.orgLinkMessages()];
    if (who.sender) keys.push(ContentKeys.senderLinkMessages(who.sender));
    for (const d of domains) {
      keys.push(ContentKeys.orgLinkDomain(d));
      if (who.sender) keys.push(ContentKeys.senderLinkDomain(who.sender, d));
    }
    return keys;
  },

  observations({ who, message }) {
    const domains = linkDomainsOf(message.links);
    if (domains.length === 0) return [];
    const keys: ProfileKey[] = [ContentKeys.orgLinkMessages()];
    if (who.sender) keys.push(ContentKeys.senderLinkMessages(who.sender));
    for (const d of domains) {
      keys.push(ContentKeys.orgLinkDomain(d));
      if (who.sender) keys.push(ContentKeys.senderLinkDomain(who.sender, d));
    }
    return keys;
  },
};
