import { accountToken, parseAccountToken } from '../content/bank-accounts.js';
import { BANK_FEATURE } from '../model/content-keys.js';
import { paymentAccountsOf } from '../model/features/bank-details.js';
import { DAY_MS, type ValueCounter } from '../profile.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Earlier messages with account details after which "this account is new" is half-trusted beyond the base. */
const ACCOUNT_HISTORY_HALF = 3;

function masked(tokens: readonly string[]): string[] {
  return tokens.map((t) => {
    const { kind, last4 } = parseAccountToken(t);
    return `${kind} ••••${last4}`;
  });
}

export const bankDetailsChanged: Check = {
  id: 'BANK_DETAILS_CHANGED',
  description: 'The email gives a bank account this sender (or its domain) has never used, though it gave other accounts before.',
  run({ message, who, view, now }) {
    if (who.direction !== 'inbound') return null;
    const accounts = paymentAccountsOf(message);
    if (accounts.length === 0) return null;
    // The sender's own history speaks first; a colleague at the same vendor is the fallback.
    const bySender = who.sender ? view.values({ entity: 'address', id: who.sender, feature: BANK_FEATURE }) : [];
    const byDomain = who.senderDomain ? view.values({ entity: 'domain', id: who.senderDomain, feature: BANK_FEATURE }) : [];
    const basis: 'sender' | 'senderDomain' = bySender.length > 0 ? 'sender' : 'senderDomain';
    const known: readonly ValueCounter[] = basis === 'sender' ? bySender : byDomain;
    if (known.length === 0) return null;
    const knownTokens = new Set(known.map((k) => k.value));
    // A domain-level match also counts as familiar: the vendor's accounts-payable colleague used it.
    const familiar = new Set([...knownTokens, ...byDomain.map((k) => k.value)]);
    const fresh = accounts.map(accountToken).filter((t) => !familiar.has(t));
    if (fresh.length === 0) return null;
    const messagesWithAccounts = known.reduce((n, k) => n + k.counter.count, 0);
    const since = Math.min(...known.map((k) => k.counter.firstSeen));
    const strength = round2((0.5 + 0.5 * confidenceFrom(messagesWithAccounts, ACCOUNT_HISTORY_HALF)) * (basis === 'sender' ? 1 : 0.8));
    const who_ = basis === 'sender' ? who.sender : who.senderDomain;
    return {
      id: this.id,
      strength,
      evidence: {
        basis,
        sender: who.sender,
        senderDomain: who.senderDomain,
        knownAccounts: known.length,
        timesAccountsGiven: messagesWithAccounts,
        knownSince: new Date(since).toISOString().slice(0, 10),
        daysKnown: Math.max(0, Math.floor((now - since) / DAY_MS)),
        knownAccountsMasked: masked(known.map((k) => k.value).slice(0, 5)),
        newAccountsMasked: masked(fresh),
      },
      summary: `gives a bank account (${masked(fresh).join(', ')}) ${who_} never used; it gave ${known.length === 1 ? 'another account' : `${known.length} other accounts`} before`,
    };
  },
};
