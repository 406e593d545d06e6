import { intentsOf } from '../content/intent.js';
import { round2, type Check } from './check.js';
import { MIN_INTENT_STRENGTH, quoted, unfamiliarity } from './intent-strength.js';

export const callbackNumber: Check = {
  id: 'CALLBACK_NUMBER',
  description: 'The call to action is a phone number (callback phishing), strongest with invoice or subscription wording and no link.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const intents = intentsOf(context.message);
    const calls = intents.callback;
    if (!calls) return null;
    const withInvoice = (intents.invoice?.length ?? 0) > 0;
    const noLinks = context.message.links.length === 0;
    const base = 0.5 + (withInvoice ? 0.3 : 0) + (noLinks ? 0.2 : 0);
    const strength = round2(Math.min(1, base * unfamiliarity(context)));
    if (strength < MIN_INTENT_STRENGTH) return null;
    return {
      id: this.id,
      strength,
      evidence: { phrases: calls, invoiceWording: intents.invoice ?? [], noLinks, sender: context.who.sender, senderPrevalence: context.facts.sender.prevalence },
      summary: `asks the reader to phone a number (${quoted(calls)})${withInvoice ? ' about an invoice or subscription' : ''}`,
    };
  },
};
