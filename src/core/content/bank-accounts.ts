/**
 * Bank account details written in an email: IBANs (ISO 13616, mod-97 check), UK sort code +
 * account number, US ABA routing number (checksum) + account number, and SWIFT/BIC codes.
 * Hand-written: the formats are small, fixed and checksum-validated, and core/ takes no
 * dependencies. Validation keeps invoice numbers and phone numbers from posing as accounts.
 */

export type BankAccountKind = 'iban' | 'uk' | 'us' | 'bic';

export interface BankAccount {
  readonly kind: BankAccountKind;
  /** Canonical form (no spaces, upper-case; `sortcode/account`, `routing/account`). Never quoted in evidence. */
  readonly normalised: string;
  /** Last four characters of the account, the only part evidence shows. */
  readonly last4: string;
}

/** Text scanned and accounts kept per message: a real payment email names one or two. */
export const BANK_SCAN_CHARS = 50_000;
export const MAX_ACCOUNTS_PER_MESSAGE = 5;

const IBAN = /\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)\b/g;
const UK = /\bsort[ -]?code\W{0,5}(\d{2})[ -]?(\d{2})[ -]?(\d{2})\b[\s\S]{0,80}?\b(?:account|acct|a\/c)(?: (?:no|number|#))?\W{0,5}(\d{8})\b/gi;
const UK_REVERSED = /\b(?:account|acct|a\/c)(?: (?:no|number|#))?\W{0,5}(\d{8})\b[\s\S]{0,80}?\bsort[ -]?code\W{0,5}(\d{2})[ -]?(\d{2})[ -]?(\d{2})\b/gi;
const US = /\b(?:routing|aba)(?: (?:no|number|#))?\W{0,5}(\d{9})\b[\s\S]{0,80}?\b(?:account|acct)(?: (?:no|number|#))?\W{0,5}(\d{4,17})\b/gi;
const BIC = /\b(?:swift|bic)(?:\/bic)?(?: code)?\W{0,5}([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b/gi;

/** ISO 7064 mod 97-10, computed piecewise so long IBANs never leave safe integers. */
export function ibanIsValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10. */
export function abaIsValid(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 && routing !== '000000000';
}

function account(kind: BankAccountKind, normalised: string, accountPart: string): BankAccount {
  return { kind, normalised, last4: accountPart.slice(-4) };
}

export function extractBankAccounts(text: string): BankAccount[] {
  const t = text.slice(0, BANK_SCAN_CHARS);
  const found = new Map<string, BankAccount>();
  const add = (a: BankAccount) => {
    if (found.size < MAX_ACCOUNTS_PER_MESSAGE && !found.has(`${a.kind}:${a.normalised}`)) found.set(`${a.kind}:${a.normalised}`, a);
  };
  for (const m of t.toUpperCase().matchAll(IBAN)) {
    // The pattern may swallow a following word ("... 3000 PLEASE"): drop trailing chunks until it validates.
    const chunks = (m[1] ?? '').split(' ');
    while (chunks.length > 0) {
      const iban = chunks.join('');
      if (iban.length < 15) break;
      if (ibanIsValid(iban)) {
        add(account('iban', iban, iban));
        break;
      }
      chunks.pop();
    }
  }
  for (const m of t.matchAll(UK)) add(account('uk', `${m[1]}${m[2]}${m[3]}/${m[4]}`, m[4] ?? ''));
  for (const m of t.matchAll(UK_REVERSED)) add(account('uk', `${m[2]}${m[3]}${m[4]}/${m[1]}`, m[1] ?? ''));
  for (const m of t.matchAll(US)) if (abaIsValid(m[1] ?? '')) add(account('us', `${m[1]}/${m[2]}`, m[2] ?? ''));
  for (const m of t.matchAll(BIC)) {
    const bic = (m[1] ?? '').toUpperCase();
    add(account('bic', bic, bic));
  }
  return [...found.values()];
}

/**
 * What the model stores for an account: kind, last four, and a 64-bit FNV-1a digest of the
 * canonical form — enough to tell accounts apart and quote "ending 1234", without keeping the
 * full number in the profile store. (FNV, not a cryptographic hash: core/ has no crypto, and
 * collisions only merge two accounts of one sender, which is harmless.)
 */
export function accountToken(a: BankAccount): string {
  return `${a.kind}:${a.last4}:${fnv1a64(a.normalised)}`;
}

export function parseAccountToken(token: string): { kind: string; last4: string } {
  const [kind = '', last4 = ''] = token.split(':');
  return { kind, last4 };
}

function fnv1a64(s: string): string {
  // Two 32-bit FNV-1a lanes with different offsets: plain integer arithmetic, no BigInt needed.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
