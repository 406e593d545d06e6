import { parseAccountToken, accountToken } from '../content/bank-accounts.js';
import { paymentAccountsOf } from '../model/features/bank-details.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Learned messages after which "nobody here knows this sender" is half-trusted. */
const ORG_BASELINE_HALF = 50;

export const bankDetailsNewSender: Check = {
  id: 'BANK_DETAILS_NEW_SENDER',
  description: 'The email gives bank account details, and nobody here has exchanged mail with its sender before.',
  run({ message, who, facts }) {
    if (who.direction !== 'inbound' || facts.sender.prevalence !== 'new') return null;
    const accounts = paymentAccountsOf(message);
    if (accounts.length === 0) return null;
    const strength = round2(confidenceFrom(facts.orgMessages, ORG_BASELINE_HALF) * (facts.senderDomain.prevalence === 'new' ? 1 : 0.7));
    if (strength === 0) return null;
    const accountsMasked = accounts.map((a) => {
      const { kind, last4 } = parseAccountToken(accountToken(a));
      return `${kind} ••••${last4}`;
    });
    return {
      id: this.id,
      strength,
      evidence: { sender: who.sender, senderDomain: who.senderDomain, domainPrevalence: facts.senderDomain.prevalence, accountsMasked, orgMessagesLearned: facts.orgMessages },
      summary: `gives bank details (${accountsMasked.join(', ')}) from a sender nobody here has written with`,
    };
  },
};
