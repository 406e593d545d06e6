import { isFreeMail } from '../identity/free-mail.js';
import { personNameKey } from '../identity/names.js';
import { ADDRESSES_PER_NAME } from '../model/features/identity.js';
import { IdentityKeys } from '../model/identity-keys.js';
import { isInternalAddress, isInternalDomain } from '../org.js';
import { ANY_VALUE } from '../profile.js';
import { listPhrase } from '../text.js';
import { round2, type Check } from './check.js';

/** Colleagues writing to a name before it counts as a VIP ("who many people write to"). */
export const VIP_MIN_COLLEAGUES_WRITING = 5;
/** Broadcasts to many colleagues before a name counts as a VIP ("who sends to all"). */
export const VIP_MIN_BROADCASTS = 2;

export const displayNameImpersonation: Check = {
  id: 'DISPLAY_NAME_IMPERSONATION',
  description: 'The display name is that of one of our people or a VIP, but the address is one they have never used.',
  run({ message, who, org, view, facts }) {
    if (who.direction !== 'inbound' || !who.sender || isInternalDomain(org, who.senderDomain)) return null;
    const displayName = message.from?.name ?? '';
    const nameKey = personNameKey(displayName);
    if (!nameKey) return null;
    const known = view.values(IdentityKeys.nameAddressesQuery(nameKey, ADDRESSES_PER_NAME)).map((v) => v.value);
    // Their own address, or one our people already wrote to (a colleague's announced new address).
    if (known.includes(who.sender) || facts.solicited.byAddress) return null;
    const internalAddresses = known.filter((a) => isInternalAddress(org, a));
    const colleaguesWriting = view.get(IdentityKeys.nameWrittenBy(nameKey, ANY_VALUE))?.distinct ?? 0;
    const broadcasts = view.count(IdentityKeys.nameBroadcast(nameKey));
    const vip = colleaguesWriting >= VIP_MIN_COLLEAGUES_WRITING || broadcasts >= VIP_MIN_BROADCASTS;
    if (internalAddresses.length === 0 && !vip) return null;
    const freeMail = isFreeMail(who.senderDomain);
    // A free-mail or brand-new address under a colleague's name is the classic opener; an
    // established outside domain is more often a namesake.
    const base = vip ? 0.95 : 0.8;
    const strength = round2(freeMail || facts.senderDomain.prevalence !== 'common' ? base : base * 0.6);
    return {
      id: this.id,
      strength,
      evidence: {
        displayName,
        sender: who.sender,
        addressKind: freeMail ? 'free-mail' : 'external',
        knownAddresses: known,
        internalPerson: internalAddresses.length > 0,
        vip,
        colleaguesWritingToName: colleaguesWriting,
        broadcastsByName: broadcasts,
      },
      summary: `"${displayName}" ${vip ? '(a VIP here) ' : ''}wrote from ${freeMail ? 'a free-mail address' : 'an address'} ${who.sender} never used by that name, which is known here as ${listPhrase(known)}`,
    };
  },
};
