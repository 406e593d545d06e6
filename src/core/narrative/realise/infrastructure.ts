import { int, strs } from '../evidence.js';
import { count, wordList } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

const LABEL: Readonly<Record<string, string>> = { network: 'network', host: 'mail server', dkim: 'signature', mailer: 'mail program' };

/** Sent through servers, signers or programs never seen for this sender. */
export const realiseInfrastructure: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'NEW_INFRASTRUCTURE');
  const labels = strs(signal, 'newDimensions').flatMap((d) => (LABEL[d] ? [LABEL[d]] : []));
  const earlier = int(signal, 'senderMessages');
  if (!signal || labels.length === 0 || earlier === null) return null;
  const who = senderSpan(signal, verdict);
  return finish([
    plain(`it came through a ${wordList(labels)} `),
    who,
    plain(' never used in '),
    linked(count(earlier, 'email'), 'infrastructure', who.text),
  ]);
};
