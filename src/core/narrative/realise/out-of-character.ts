import { int, strs } from '../evidence.js';
import { count, wordList } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Plain words for each habit the check can report broken; unknown habits are left out rather than named by code. */
const HABIT: Readonly<Record<string, string>> = {
  linkDomains: 'links to sites it never linked to',
  infrastructure: 'sends from new servers',
  recipients: 'writes to people it never wrote to',
  content: 'sends a new kind of content',
  hour: 'writes at an hour it never used',
};

/** A known sender acting unlike itself: the sign of a taken-over account. */
export const realiseOutOfCharacter: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'OUT_OF_CHARACTER');
  const habits = strs(signal, 'brokenHabits').flatMap((h) => (HABIT[h] ? [HABIT[h]] : []));
  const days = int(signal, 'senderDaysKnown');
  const sent = int(signal, 'senderMessages');
  if (!signal || habits.length === 0) return null;
  const who = senderSpan(signal, verdict);
  const known = days !== null && sent !== null ? `, known here for ${count(days, 'day')} and ${count(sent, 'email')},` : '';
  return finish([who, linked(known, 'relationship', who.text), plain(` suddenly acts unlike itself: it ${wordList(habits)}`)]);
};
