import { personNameKey } from '../../identity/names.js';
import type { MailAddress } from '../../message.js';
import { isInternalAddress } from '../../org.js';
import { ANY_VALUE, type ProfileKey, type ValuesQuery } from '../../profile.js';
import { MAX_RECIPIENTS_PROFILED } from '../correspondents.js';
import type { ModelFeature } from '../feature.js';
import { IdentityKeys } from '../identity-keys.js';

/** Addresses read back per display name: a person rarely has more, and the list must stay bounded. */
export const ADDRESSES_PER_NAME = 10;
/** An internal message to at least this many colleagues is a broadcast ("who sends to all"). */
export const BROADCAST_MIN_RECIPIENTS = 10;

function addressees(message: { to: readonly MailAddress[]; cc: readonly MailAddress[] }): MailAddress[] {
  return [...message.to, ...message.cc].filter((a) => a.address).slice(0, MAX_RECIPIENTS_PROFILED);
}

/**
 * Who goes by which name: display name (normalised: case, accents, look-alikes, punctuation,
 * word order) → the addresses used under it, learned from senders in every direction and from
 * the addressees our own people write to (so a colleague's new address, once someone here has
 * written to it or copied it into a thread, is theirs). Also the mail-graph facts that make a
 * name a VIP: how many colleagues write to it, and how often it writes to many at once.
 */
export const identityFeature: ModelFeature = {
  name: 'identity',

  lookups({ message }) {
    const nameKey = personNameKey(message.from?.name ?? '');
    return nameKey ? [IdentityKeys.nameWrittenBy(nameKey, ANY_VALUE), IdentityKeys.nameBroadcast(nameKey)] : [];
  },

  valueLookups({ message }): ValuesQuery[] {
    const nameKey = personNameKey(message.from?.name ?? '');
    return nameKey ? [IdentityKeys.nameAddressesQuery(nameKey, ADDRESSES_PER_NAME)] : [];
  },

  observations({ message, org, who }) {
    const keys: ProfileKey[] = [];
    const senderName = personNameKey(message.from?.name ?? '');
    if (senderName && who.sender) keys.push(IdentityKeys.nameAddress(senderName, who.sender));
    if (who.direction === 'inbound') return keys;
    // Our own people wrote this: the names they address people by are trusted.
    let colleagues = 0;
    for (const addressee of addressees(message)) {
      const internal = isInternalAddress(org, addressee.address);
      if (internal) colleagues += 1;
      const nameKey = personNameKey(addressee.name);
      if (!nameKey) continue;
      keys.push(IdentityKeys.nameAddress(nameKey, addressee.address));
      if (internal && addressee.address !== who.sender) keys.push(IdentityKeys.nameWrittenBy(nameKey, who.sender));
    }
    if (senderName && colleagues >= BROADCAST_MIN_RECIPIENTS) keys.push(IdentityKeys.nameBroadcast(senderName));
    return keys;
  },
};
