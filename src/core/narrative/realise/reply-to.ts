import { flag, int, str } from '../evidence.js';
import { times } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Replies routed somewhere other than the sender. */
export const realiseReplyTo: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'REPLY_TO_DIVERGENCE');
  const replyTo = str(signal, 'replyTo');
  if (!signal || !replyTo) return null;
  const address = linked(replyTo, 'sender', replyTo);
  const used = int(signal, 'replyToUsedBySenderBefore') ?? 0;
  if (used > 0) return finish([plain('replies go to '), address, plain(', which '), senderSpan(signal, verdict), plain(` has used ${times(used)} before`)]);
  if (flag(signal, 'sameDomain')) return finish([plain('replies would go to '), address, plain(', not to the sender '), senderSpan(signal, verdict)]);
  const unknown = str(signal, 'replyToPrevalence') === 'new' ? ' that nobody here has written to' : '';
  return finish([plain('your reply would go to '), address, plain(`, a different address${unknown}`)]);
};
