import type { Signal } from '../../signal.js';
import { flag, int, str, strs } from '../evidence.js';
import { count, wordList } from '../grammar.js';
import { finish, linked, plain, type Span } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** How the two domains differ, from the resemblance kind the check found. */
function howItDiffers(signal: Signal): string {
  switch (str(signal, 'resemblance')) {
    case 'edit-distance': {
      const d = int(signal, 'editDistance');
      return d !== null && d > 0 ? ` by ${count(d, 'character')}` : '';
    }
    case 'homoglyph':
      return ' only by look-alike letters';
    case 'tld-swap':
      return ' only in its ending';
    case 'added-hyphen':
      return ' only by a hyphen';
    case 'added-word':
      return ' by one added word';
    default:
      return '';
  }
}

function alphabets(confusable: Signal | undefined, domain: string): string {
  // Only when the look-alike letters are in this very domain (not in the display name).
  if (!flag(confusable, 'inDomain') || str(confusable, 'domain') !== domain) return '';
  const scripts = strs(confusable, 'scripts');
  return scripts.length > 1 ? ` (it mixes ${wordList(scripts)} letters)` : '';
}

/** A sender domain made to look like a known one (a supplier's, or ours), with the look-alike letters when there are any. */
export const realiseLookalike: Realiser = (fact) => {
  const confusable = signalOf(fact, 'CONFUSABLE_CHARACTERS');
  const other = signalOf(fact, 'LOOKALIKE_DOMAIN');
  const own = signalOf(fact, 'LOOKALIKE_OWN_DOMAIN');
  const lookalike = own ?? other;
  if (lookalike) {
    const domain = str(lookalike, 'senderDomainUnicode') ?? str(lookalike, 'senderDomain');
    const imitates = str(lookalike, 'imitates');
    if (!domain || !imitates) return null;
    const pair = `${domain}~${imitates}`;
    const target: Span[] = own
      ? [plain('your own domain '), linked(imitates, 'domain', imitates)]
      : [linked(imitates, 'domain', imitates)];
    const messages = int(lookalike, 'imitatedMessages');
    const days = int(lookalike, 'imitatedDaysKnown');
    const known = !own && messages !== null && messages > 0 && days ? `, known here for ${count(days, 'day')}` : '';
    return finish([
      plain('the domain '),
      linked(domain, 'lookalike', pair),
      plain(`${howItDiffers(lookalike)}${alphabets(confusable, domain)}`.length > 0 ? ' differs' : ' imitates'),
      plain(howItDiffers(lookalike)),
      plain(alphabets(confusable, domain)),
      plain(`${howItDiffers(lookalike)}${alphabets(confusable, domain)}`.length > 0 ? ' from ' : ' '),
      ...target,
      plain(known),
    ]);
  }
  if (!confusable) return null;
  const scripts = strs(confusable, 'scripts');
  const letters = scripts.length > 1 ? `mixes ${wordList(scripts)} letters` : 'contains letters that imitate others';
  const domain = str(confusable, 'domain');
  if (flag(confusable, 'inDomain') && domain) return finish([plain("the sender's domain "), linked(domain, 'lookalike', domain), plain(` ${letters}, so it only looks familiar`)]);
  const name = str(confusable, 'displayName');
  if (!name) return null;
  return finish([plain(`the sender's name “${name}” ${letters}, so it only looks familiar`)]);
};
