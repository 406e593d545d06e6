import { flag, str, strs } from '../evidence.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** A known person's name on an address that person never used. */
export const realiseImpersonation: Realiser = (fact) => {
  const signal = signalOf(fact, 'DISPLAY_NAME_IMPERSONATION');
  const name = str(signal, 'displayName');
  const sender = str(signal, 'sender');
  const known = strs(signal, 'knownAddresses');
  if (!signal || !name || !sender || known.length === 0) return null;
  const usual = known[0]!;
  return finish([
    plain(`“${name}”`),
    plain(flag(signal, 'vip') ? ', a VIP here,' : ''),
    plain(' writes from '),
    linked(usual, 'sender', usual),
    plain(known.length > 1 ? ' and others' : ''),
    plain(', never from '),
    linked(sender, 'sender', sender),
  ]);
};
