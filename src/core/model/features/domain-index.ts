import { indexKeysFor, partsOf, queryKeysFor } from '../../identity/domain-parts.js';
import { isInternalDomain } from '../../org.js';
import type { ProfileKey, ValuesQuery } from '../../profile.js';
import type { ModelFeature } from '../feature.js';
import { IdentityKeys } from '../identity-keys.js';

/** Index keys looked up per email (the sender domain's deletion neighbourhood, words, affixes). */
export const MAX_LOOKALIKE_QUERIES = 64;
/** Domains returned per index key: a key shared by more real domains than this is not a useful lookalike lead. */
export const LOOKALIKE_VALUES_PER_QUERY = 5;
/** External domains of one outbound message that are indexed. */
const MAX_DOMAINS_INDEXED = 10;

/**
 * Files every correspondent domain (both directions) under lookalike index keys, so a new
 * domain's candidates — the established domains it might imitate — come back in one bounded
 * read: at most MAX_LOOKALIKE_QUERIES × LOOKALIKE_VALUES_PER_QUERY = 320 values per email.
 * Learning costs one counter per index key (≤ 33) per correspondent domain per message.
 */
export const domainIndexFeature: ModelFeature = {
  name: 'domainIndex',

  lookups() {
    return [];
  },

  valueLookups({ who, org }): ValuesQuery[] {
    if (who.direction !== 'inbound' || !who.senderDomain || isInternalDomain(org, who.senderDomain)) return [];
    return queryKeysFor(partsOf(who.senderDomain), MAX_LOOKALIKE_QUERIES).map((k) => IdentityKeys.domainIndexQuery(k, LOOKALIKE_VALUES_PER_QUERY));
  },

  observations({ who, org }) {
    const domains =
      who.direction === 'inbound'
        ? [who.senderDomain]
        : who.direction === 'outbound'
          ? [...new Set(who.externalRecipients.map((r) => r.domain))].slice(0, MAX_DOMAINS_INDEXED)
          : [];
    const keys: ProfileKey[] = [];
    for (const domain of domains) {
      if (!domain || isInternalDomain(org, domain)) continue;
      for (const indexKey of indexKeysFor(partsOf(domain))) keys.push(IdentityKeys.domainIndex(indexKey, domain));
    }
    return keys;
  },
};
