import { int, str } from '../evidence.js';
import { count } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Bounces going to a domain the sender never used. */
export const realiseReturnPath: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'RETURN_PATH_DIVERGENCE');
  const domain = str(signal, 'returnPathDomain');
  const earlier = int(signal, 'messagesWithReturnPath');
  if (!signal || !domain || earlier === null) return null;
  return finish([
    plain('its bounce address is at '),
    linked(domain, 'infrastructure', domain),
    plain(', which '),
    senderSpan(signal, verdict),
    plain(` never used in ${count(earlier, 'earlier email')}`),
  ]);
};
