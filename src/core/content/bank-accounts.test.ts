import { describe, expect, it } from 'vitest';
import { abaIsValid, accountToken, extractBankAccounts, ibanIsValid, parseAccountToken } from './bank-accounts.js';

describe('bank account extraction', () => {
  it('validates IBAN check digits (mod 97) and ABA routing checksums', () => {
    expect(ibanIsValid('GB29 NWBK 6016 1331 9268 19')).toBe(true);
    expect(ibanIsValid('GB28 NWBK 6016 1331 9268 19')).toBe(false);
    expect(ibanIsValid('DE89370400440532013000')).toBe(true);
    expect(abaIsValid('021000021')).toBe(true);
    expect(abaIsValid('021000022')).toBe(false);
  });

  it('extracts IBANs, UK and US accounts and BICs, ignoring look-alike numbers', () => {
    const found = extractBankAccounts(
      'Pay to IBAN GB29 NWBK 6016 1331 9268 19 THANKS. Or DE89 3704 0044 0532 0130 00.\n' +
        'Sort code: 12-34-56, account number 12345678.\nRouting number 021000021, account no 1234567890.\n' +
        'SWIFT: DEUTDEFF. Invoice GB12 3456 7890 1234 5678 (not an IBAN). Routing 123456789 account 99999999.',
    );
    expect(found.map((a) => `${a.kind}:${a.last4}`)).toEqual(['iban:6819', 'iban:3000', 'uk:5678', 'us:7890', 'bic:DEFF']);
  });

  it('tokens keep kind and last four, never the full number', () => {
    const [iban] = extractBankAccounts('GB29 NWBK 6016 1331 9268 19');
    const token = accountToken(iban!);
    expect(token).not.toContain('60161331');
    expect(parseAccountToken(token)).toEqual({ kind: 'iban', last4: '6819' });
    expect(accountToken(extractBankAccounts('DE89370400440532013000')[0]!)).not.toBe(token);
  });
});
