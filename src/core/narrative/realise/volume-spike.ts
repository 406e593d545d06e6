import { int } from '../evidence.js';
import { count, num } from '../grammar.js';
import { finish, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Far more mail today than the sender ever sends. */
export const realiseVolumeSpike: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'VOLUME_SPIKE');
  const today = int(signal, 'messagesToday');
  const usual = int(signal, 'usualPerActiveDay');
  if (!signal || today === null || usual === null) return null;
  return finish([senderSpan(signal, verdict), plain(` has sent ${count(today, 'email')} today, against a usual ${num(usual)} a day`)]);
};
