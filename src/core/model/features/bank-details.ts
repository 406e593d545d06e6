import { accountToken, extractBankAccounts, type BankAccount } from '../../content/bank-accounts.js';
import type { Message } from '../../message.js';
import type { ProfileKey } from '../../profile.js';
import { BANK_FEATURE, ContentKeys } from '../content-keys.js';
import type { ModelFeature } from '../feature.js';

/** Known accounts read per sender and per sender domain: a vendor uses one or two. */
export const KNOWN_ACCOUNTS_LIMIT = 20;

// Feature and checks both read the same message's accounts: extract once per Message object.
const cache = new WeakMap<object, readonly BankAccount[]>();

/** Accounts that identify where money goes (a BIC alone names a bank, not an account). */
export function paymentAccountsOf(message: Message): readonly BankAccount[] {
  let found = cache.get(message);
  if (!found) {
    found = extractBankAccounts(`${message.subject}\n${message.text}`).filter((a) => a.kind !== 'bic');
    cache.set(message, found);
  }
  return found;
}

/**
 * Which bank accounts each external sender (and its domain) has given us: the baseline the
 * "bank details changed" check compares a new account with. Learned from inbound mail only;
 * stored as tokens (kind, last four, digest), never the full number.
 */
export const bankDetailsFeature: ModelFeature = {
  name: 'bank-details',

  lookups() {
    return [];
  },

  valueLookups({ who, message }) {
    if (who.direction !== 'inbound' || paymentAccountsOf(message).length === 0) return [];
    const queries = [];
    if (who.sender) queries.push({ entity: 'address', id: who.sender, feature: BANK_FEATURE, limit: KNOWN_ACCOUNTS_LIMIT });
    if (who.senderDomain) queries.push({ entity: 'domain', id: who.senderDomain, feature: BANK_FEATURE, limit: KNOWN_ACCOUNTS_LIMIT });
    return queries;
  },

  observations({ who, message }) {
    if (who.direction !== 'inbound') return [];
    const keys: ProfileKey[] = [];
    for (const account of paymentAccountsOf(message)) {
      const token = accountToken(account);
      if (who.sender) keys.push(ContentKeys.senderBank(who.sender, token));
      if (who.senderDomain) keys.push(ContentKeys.domainBank(who.senderDomain, token));
    }
    return keys;
  },
};
