import { finish, plain } from '../span.js';
import { type Realiser } from './realiser.js';

/** A signal the narrative has no words for yet speaks through its own summary (built from its evidence). */
export const realiseOther: Realiser = (fact) => {
  const signal = fact.signals[0];
  return signal ? finish([plain(signal.summary)]) : null;
};
