import { int, strs } from '../evidence.js';
import { count, wordList } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Plain words for each habit the check can report broken; unknown habits are left out rather than named by code. */
const HABIT: Readonly<Record<string, string>> = {
  linkDomains: 'links to new sites',
  infrastructure: 'uses new servers',
  recipients: 'writes to new people',
  content: 'sends new kinds of content',
  hour: 'writes at an odd hour',
};

/** A known sender acting unlike itself: the sign of a taken-over account. */
export const realiseOutOfCharacter: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'OUT_OF_CHARACTER');
  const habits = strs(signal, 'brokenHabits').flatMap((h) => (HABIT[h] ? [HABIT[h]] : []));
  const days = int(signal, 'senderDaysKnown');
  if (!signal || habits.length === 0) return null;
  const who = senderSpan(signal, verdict);
  const known = days ? [plain(' has written here for '), linked(count(days, 'day'), 'relationship', who.text), plain(', but')] : [];
  return finish([who, ...known, plain(` this email is unlike it: it ${wordList(habits)}`)]);
};
