import { int } from '../evidence.js';
import { count } from '../grammar.js';
import { finish, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Sent at an hour the sender never writes. */
export const realiseUnusualHour: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'UNUSUAL_HOUR');
  const hour = int(signal, 'hourUtc');
  const sent = int(signal, 'senderMessages');
  if (!signal || hour === null || sent === null) return null;
  return finish([plain(`it was sent at ${String(hour).padStart(2, '0')}:00 UTC, an hour `), senderSpan(signal, verdict), plain(` never used in ${count(sent, 'email')}`)]);
};
