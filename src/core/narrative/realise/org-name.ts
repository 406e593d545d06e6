import { flag, str } from '../evidence.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** An outside sender dressed in our organisation's name. */
export const realiseOrgName: Realiser = (fact) => {
  const signal = signalOf(fact, 'ORG_NAME_IN_SENDER');
  const name = str(signal, 'orgName');
  const sender = str(signal, 'sender');
  if (!name || !sender) return null;
  return finish([
    plain('the outside sender '),
    linked(sender, 'sender', sender),
    plain(` uses your organisation's name “${name}” in its ${flag(signal, 'inDisplayName') ? 'display name' : 'address'}`),
  ]);
};
