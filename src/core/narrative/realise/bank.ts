import { str, strs } from '../evidence.js';
import { dayDate, listOf } from '../grammar.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

/** "iban ••••0606" → "IBAN ••••0606". */
function account(masked: string): string {
  const [kind, ...rest] = masked.split(' ');
  return [kind === 'iban' ? 'IBAN' : (kind ?? ''), ...rest].join(' ');
}

/** A bank account the sender never used (while it gave others before), or bank details from a stranger. */
export const realiseBank: Realiser = (fact) => {
  const changed = signalOf(fact, 'BANK_DETAILS_CHANGED');
  if (changed) {
    const fresh = strs(changed, 'newAccountsMasked').map(account);
    const known = strs(changed, 'knownAccountsMasked').map(account);
    const who = str(changed, str(changed, 'basis') === 'senderDomain' ? 'senderDomain' : 'sender');
    if (fresh.length === 0 || !who) return null;
    const since = dayDate(str(changed, 'knownSince') ?? '');
    return finish([
      plain('it gives a new bank account, '),
      ...listOf(fresh, 'bank'),
      ...(known.length > 0 ? [plain(`, but ${since ? `since ${since} ` : ''}`), linked(who, 'sender', who), plain(' has used '), ...listOf(known, 'bank')] : []),
    ]);
  }
  const stranger = signalOf(fact, 'BANK_DETAILS_NEW_SENDER');
  const accounts = strs(stranger, 'accountsMasked').map(account);
  if (!stranger || accounts.length === 0) return null;
  return finish([plain('it gives bank details ('), ...listOf(accounts, 'bank'), plain(') from a sender nobody here has dealt with')]);
};
