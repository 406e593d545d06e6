import { flag, str, strs } from '../evidence.js';
import { listOf } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** A known person's name on an address that person never used. */
export const realiseImpersonation: Realiser = (fact) => {
  const signal = signalOf(fact, 'DISPLAY_NAME_IMPERSONATION');
  const name = str(signal, 'displayName');
  const sender = str(signal, 'sender');
  const known = strs(signal, 'knownAddresses');
  if (!signal || !name || !sender || known.length === 0) return null;
  return finish([
    plain(`the name “${name}”`),
    plain(flag(signal, 'vip') ? ', a VIP here,' : ''),
    plain(' normally writes from '),
    ...listOf(known, 'sender'),
    plain(', but this email came from '),
    linked(sender, 'sender', sender),
    plain(str(signal, 'addressKind') === 'free-mail' ? ', a free-mail address' : ''),
  ]);
};
