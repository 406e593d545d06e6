import type { Signal } from '../../signal.js';
import { int, str, strs } from '../evidence.js';
import { times } from '../grammar.js';
import { finish, linked, plain, type Sentence } from '../span.js';
import { type Realiser } from './realiser.js';

function seen(n: number | null): string {
  return n === null || n === 0 ? 'never seen in mail here' : `seen only ${times(n)} in mail here`;
}

/** The strongest link finding as the sentence; a sign-in lure behind it is added as the link's purpose. */
function clause(signal: Signal, lure: Signal | undefined): Sentence | null {
  const signIn = lure && signal !== lure ? ', where it asks you to sign in' : '';
  switch (signal.id) {
    case 'LINK_TEXT_MISMATCH': {
      const shown = str(signal, 'shownDomain');
      const actual = str(signal, 'actualDomain');
      if (!shown || !actual) return null;
      return finish([plain(`a link shows ${shown} but leads to `), linked(actual, 'link', actual), plain(signIn)]);
    }
    case 'LOGIN_LURE': {
      const domain = strs(signal, 'domains')[0];
      if (!domain) return null;
      return finish([plain('it asks you to sign in at '), linked(domain, 'link', domain), plain(`, a site ${seen(int(signal, 'timesOrgLinkedIt'))}`)]);
    }
    case 'LINK_IP_LITERAL': {
      const host = strs(signal, 'hosts')[0];
      return host ? finish([plain('a link leads to a bare internet address ('), linked(host, 'link', host), plain(`) instead of a named site${signIn}`)]) : null;
    }
    case 'LINK_PUNYCODE': {
      const host = strs(signal, 'domains')[0] ?? strs(signal, 'hosts')[0];
      return host ? finish([plain('a link leads to '), linked(host, 'link', host), plain(`, written with foreign look-alike letters${signIn}`)]) : null;
    }
    case 'LINK_SHORTENER': {
      const host = strs(signal, 'shorteners')[0];
      return host ? finish([plain('a link hides where it goes behind the shortener '), linked(host, 'link', host), plain(signIn)]) : null;
    }
    case 'LINK_DOMAIN_NEW_TO_ORG': {
      const domain = strs(signal, 'newDomains')[0];
      return domain ? finish([plain('it links to '), linked(domain, 'link', domain), plain(`, a site never seen in mail here${signIn}`)]) : null;
    }
    default:
      return null;
  }
}

export const realiseLink: Realiser = (fact) => {
  const lure = fact.signals.find((s) => s.id === 'LOGIN_LURE');
  for (const signal of fact.signals) {
    const sentence = clause(signal, lure);
    if (sentence) return sentence;
  }
  return null;
};
