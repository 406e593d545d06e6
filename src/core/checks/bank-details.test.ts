import { describe, expect, it } from 'vitest';
import { establishedOrg, LATER, learnRepeatedly, mail, signalOf } from '../../../test/helpers/content-org.js';

const VENDOR = 'ar@vendor.com';
const USUAL = 'Invoice 88 — pay to IBAN GB29 NWBK 6016 1331 9268 19.';
const OTHER = 'Invoice 89 — pay to IBAN DE89 3704 0044 0532 0130 00.';

function vendorPaidBefore(times: number) {
  const model = establishedOrg();
  learnRepeatedly(model, times, { from: VENDOR, to: ['alice@example.org'], text: USUAL });
  return model;
}

describe('BANK_DETAILS_CHANGED', () => {
  it('fires when a vendor that always used one account gives another, with masked evidence', () => {
    const signal = signalOf(vendorPaidBefore(6).score(mail({ from: VENDOR, text: OTHER }), LATER), 'BANK_DETAILS_CHANGED');
    expect(signal?.strength).toBeGreaterThan(0.8);
    expect(signal?.evidence).toMatchObject({ basis: 'sender', knownAccounts: 1, timesAccountsGiven: 6, knownAccountsMasked: ['iban ••••6819'], newAccountsMasked: ['iban ••••3000'] });
    expect(JSON.stringify(signal)).not.toContain('60161331');
  });

  it('stays silent on an invoice with the usual IBAN, and on first contact (nothing to differ from)', () => {
    expect(signalOf(vendorPaidBefore(6).score(mail({ from: VENDOR, text: USUAL }), LATER), 'BANK_DETAILS_CHANGED')).toBeUndefined();
    expect(signalOf(establishedOrg().score(mail({ from: VENDOR, text: OTHER }), LATER), 'BANK_DETAILS_CHANGED')).toBeUndefined();
  });

  it('is weaker with less account history behind it, and falls back to the domain for a new colleague at the vendor', () => {
    const one = signalOf(vendorPaidBefore(1).score(mail({ from: VENDOR, text: OTHER }), LATER), 'BANK_DETAILS_CHANGED')!.strength;
    const six = signalOf(vendorPaidBefore(6).score(mail({ from: VENDOR, text: OTHER }), LATER), 'BANK_DETAILS_CHANGED')!.strength;
    expect(one).toBeLessThan(six);
    const byDomain = signalOf(vendorPaidBefore(6).score(mail({ from: 'new.clerk@vendor.com', text: OTHER }), LATER), 'BANK_DETAILS_CHANGED');
    expect(byDomain?.evidence.basis).toBe('senderDomain');
    expect(signalOf(vendorPaidBefore(6).score(mail({ from: 'new.clerk@vendor.com', text: USUAL }), LATER), 'BANK_DETAILS_CHANGED')).toBeUndefined();
  });

  it('understands UK and US account formats too', () => {
    const model = establishedOrg();
    learnRepeatedly(model, 4, { from: VENDOR, text: 'Sort code 12-34-56, account number 12345678.' });
    expect(signalOf(model.score(mail({ from: VENDOR, text: 'Sort code 12-34-56, account number 87654321.' }), LATER), 'BANK_DETAILS_CHANGED')).toBeDefined();
    expect(signalOf(model.score(mail({ from: VENDOR, text: 'Routing number 021000021, account no 1234567890.' }), LATER), 'BANK_DETAILS_CHANGED')).toBeDefined();
    expect(signalOf(model.score(mail({ from: VENDOR, text: 'Sort code 12-34-56, account number 12345678.' }), LATER), 'BANK_DETAILS_CHANGED')).toBeUndefined();
  });
});

describe('BANK_DETAILS_NEW_SENDER', () => {
  it('fires on bank details from a first-time sender, not from the vendor that always sends them', () => {
    const signal = signalOf(establishedOrg().score(mail({ from: 'accounts@vendor-payments.example', text: OTHER }), LATER), 'BANK_DETAILS_NEW_SENDER');
    expect(signal?.strength).toBeGreaterThan(0.5);
    expect(signal?.evidence.accountsMasked).toEqual(['iban ••••3000']);
    expect(signalOf(vendorPaidBefore(6).score(mail({ from: VENDOR, text: USUAL }), LATER), 'BANK_DETAILS_NEW_SENDER')).toBeUndefined();
  });
});
