import { intentsOf } from '../content/intent.js';
import { round2, type Check } from './check.js';
import { MIN_INTENT_STRENGTH, quoted, unfamiliarity } from './intent-strength.js';

export const urgencySecrecy: Check = {
  id: 'URGENCY_SECRECY',
  description: 'The email presses for speed or asks to keep the matter quiet — pressure tactics, from an unfamiliar sender.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const { urgency = [], secrecy = [] } = intentsOf(context.message);
    if (urgency.length === 0 && secrecy.length === 0) return null;
    // Urgency alone is everyday mail; secrecy is rarer, and both together are the pressure of fraud.
    const base = urgency.length > 0 && secrecy.length > 0 ? 0.9 : secrecy.length > 0 ? 0.7 : 0.4;
    const strength = round2(base * unfamiliarity(context));
    if (strength < MIN_INTENT_STRENGTH) return null;
    const phrases = [...urgency, ...secrecy];
    return {
      id: this.id,
      strength,
      evidence: { urgency, secrecy, sender: context.who.sender, senderPrevalence: context.facts.sender.prevalence },
      summary: `presses ${secrecy.length > 0 ? 'for secrecy' : 'for speed'} (${quoted(phrases)})`,
    };
  },
};
