import { int, str } from '../evidence.js';
import { count } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** "3-5" → "3 to 5"; other bucket labels as they are. */
function bucket(label: string): string {
  return label.replace(/^(\d+)-(\d+)$/, '$1 to $2');
}

/** Many of our people at once, from a sender who usually writes to few. */
export const realiseWideDistribution: Realiser = (fact, verdict) => {
  const signal = signalOf(fact, 'WIDE_DISTRIBUTION');
  const width = int(signal, 'recipientsHere');
  if (!signal || width === null) return null;
  const usual = str(signal, 'usualWidest');
  const before = usual && usual !== 'unknown' ? `, though it never wrote to more than ${bucket(usual)} before` : '';
  const who = senderSpan(signal, verdict);
  return finish([who, plain(' wrote to '), linked(`${count(width, 'person', 'people')} here at once`, 'relationship', who.text), plain(before)]);
};
