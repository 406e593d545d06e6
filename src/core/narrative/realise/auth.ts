import { flag, int, str, strs } from '../evidence.js';
import { times, wordList } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { type Realiser } from './realiser.js';

/** Failed SPF/DKIM/DMARC: the claim of where the mail comes from does not hold. */
export const realiseAuth: Realiser = (fact) => {
  const signal = fact.signals[0];
  const domain = str(signal, 'senderDomain');
  const failed = strs(signal, 'failed').map((f) => f.toUpperCase());
  if (!signal || !domain || failed.length === 0) return null;
  const checks = `the ${wordList(failed)} ${failed.length === 1 ? 'check' : 'checks'}`;
  const dom = linked(domain, 'infrastructure', domain);
  if (signal.id === 'AUTH_FAIL_KNOWN_DOMAIN' && flag(signal, 'ownDomain')) {
    return finish([plain('it claims to come from your own domain '), dom, plain(` but failed ${checks} that ${failed.length === 1 ? 'proves' : 'prove'} where mail comes from`)]);
  }
  const passes = int(signal, 'passesBefore') ?? 0;
  if (signal.id === 'AUTH_FAIL_KNOWN_DOMAIN' && passes > 0) {
    return finish([plain('it claims to come from '), dom, plain(` but failed ${checks}, which real mail from there passed ${times(passes)}`)]);
  }
  return finish([plain('it claims to come from '), dom, plain(` but failed ${checks} that ${failed.length === 1 ? 'proves' : 'prove'} where mail comes from`)]);
};
