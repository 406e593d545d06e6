import { key, type ProfileKey, type ValuesQuery } from '../profile.js';

/**
 * The identity features' vocabulary over the generic model (kept apart from EmailKeys, which
 * belongs to the relationship feature):
 *
 * - domainIndex K 'of' D: correspondent domain D (either direction) is filed under lookalike
 *   index key K (its stem or a one-deletion variant). Count = messages exchanged with D.
 * - displayName N 'address' A: address A was used under the person name N (as a sender, or as an
 *   addressee our people wrote to).  'writtenBy' S: colleague S wrote to N.  'broadcast': N wrote
 *   to many colleagues at once.
 */
export const IdentityKeys = {
  domainIndex: (indexKey: string, domain: string): ProfileKey => key('domainIndex', indexKey, 'of', domain),
  domainIndexQuery: (indexKey: string, limit: number): ValuesQuery => ({ entity: 'domainIndex', id: indexKey, feature: 'of', limit }),
  nameAddress: (nameKey: string, address: string): ProfileKey => key('displayName', nameKey, 'address', address),
  nameAddressesQuery: (nameKey: string, limit: number): ValuesQuery => ({ entity: 'displayName', id: nameKey, feature: 'address', limit }),
  nameWrittenBy: (nameKey: string, colleague: string): ProfileKey => key('displayName', nameKey, 'writtenBy', colleague),
  nameBroadcast: (nameKey: string): ProfileKey => key('displayName', nameKey, 'broadcast'),
} as const;
