import { str, strs } from '../evidence.js';
import { listOf } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** People here reported this sender's mail as phishing (or, mitigating, as safe). */
export const realiseReported: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'REPORTED_BY_USERS') ?? signalOf(fact, 'REPORTED_SAFE');
  if (!signal) return null;
  const as = signal.id === 'REPORTED_SAFE' ? 'safe' : 'phishing';
  const reporters = strs(signal, 'reporters');
  const who = senderSpan(signal, verdict);
  const by = str(signal, 'scope') === 'relationship' && reporters.length > 0 ? listOf(reporters, 'recipient') : [plain('several people here')];
  return finish([...by, plain(' reported mail from '), who, plain(' as '), linked(as, 'related', who.text)]);
};
