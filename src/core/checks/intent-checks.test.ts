import { describe, expect, it } from 'vitest';
import { establishedOrg, LATER, learnRepeatedly, mail, signalOf } from '../../../test/helpers/content-org.js';

const STRANGER = 'finance.director@unknown-mail.example';
const VENDOR = 'billing@vendor.com';
const COLLEAGUE = 'carol@example.org';

function withKnown(sender: string, times = 20) {
  const model = establishedOrg();
  learnRepeatedly(model, times, { from: sender, to: ['alice@example.org'], text: 'Regular update.' });
  return model;
}

describe('content intent checks', () => {
  it('PAYMENT_REQUEST: a stranger asking for a payment, not a vendor of twenty messages', () => {
    const text = 'Please process a payment of 48,200 EUR today.';
    const fired = signalOf(establishedOrg().score(mail({ from: STRANGER, text }), LATER), 'PAYMENT_REQUEST');
    expect(fired?.strength).toBeGreaterThan(0.5);
    expect(fired?.evidence.phrases).toContain('process a payment');
    expect(signalOf(withKnown(VENDOR).score(mail({ from: VENDOR, text }), LATER), 'PAYMENT_REQUEST')).toBeUndefined();
  });

  it('BANK_DETAILS_CHANGE_REQUEST: "our bank details have changed"; an invoice from the usual vendor without it stays silent', () => {
    const fired = signalOf(establishedOrg().score(mail({ from: STRANGER, text: 'Our bank details have changed, see the new IBAN.' }), LATER), 'BANK_DETAILS_CHANGE_REQUEST');
    expect(fired?.strength).toBeGreaterThan(0.7);
    const model = withKnown(VENDOR);
    expect(signalOf(model.score(mail({ from: VENDOR, text: 'Invoice 4411 attached, payable to our account as usual.' }), LATER), 'BANK_DETAILS_CHANGE_REQUEST')).toBeUndefined();
    // From a known vendor the wording still counts a little: compromised vendor mailboxes are how this fraud arrives.
    const known = signalOf(model.score(mail({ from: VENDOR, text: 'Our bank details have changed.' }), LATER), 'BANK_DETAILS_CHANGE_REQUEST');
    expect(known!.strength).toBeLessThan(fired!.strength);
  });

  it('CREDENTIAL_REQUEST: a stranger saying your password expires; the known internal helpdesk saying "password" does not', () => {
    const text = 'Your password expires today. Sign in to keep your mailbox.';
    expect(signalOf(establishedOrg().score(mail({ from: 'it-support@mailbox-update.example', text }), LATER), 'CREDENTIAL_REQUEST')?.strength).toBeGreaterThan(0.5);
    const helpdesk = 'helpdesk@example.org';
    expect(signalOf(withKnown(helpdesk, 30).score(mail({ from: helpdesk, text }), LATER), 'CREDENTIAL_REQUEST')).toBeUndefined();
  });

  it('URGENCY_SECRECY: urgent and confidential from a stranger; "urgent" from a colleague of long standing is ordinary', () => {
    const fired = signalOf(establishedOrg().score(mail({ from: STRANGER, subject: 'Urgent', text: 'Keep this confidential for now.' }), LATER), 'URGENCY_SECRECY');
    expect(fired?.strength).toBeGreaterThan(0.7);
    expect(fired?.evidence.secrecy).toContain('confidential');
    expect(signalOf(withKnown(COLLEAGUE).score(mail({ from: COLLEAGUE, subject: 'Urgent', text: 'Need the slides asap.' }), LATER), 'URGENCY_SECRECY')).toBeUndefined();
  });

  it('GIFT_CARD_REQUEST: a stranger asking for gift cards; a colleague of long standing mentioning the staff gift cards is not reported', () => {
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, text: 'I need you to buy 6 Apple gift cards and send me the codes.' }), LATER), 'GIFT_CARD_REQUEST')?.strength).toBeGreaterThan(0.7);
    expect(signalOf(withKnown(COLLEAGUE).score(mail({ from: COLLEAGUE, text: 'The staff gift cards arrived.' }), LATER), 'GIFT_CARD_REQUEST')).toBeUndefined();
  });

  it('CALLBACK_NUMBER: "your subscription renewed, call us" with no link; "please call me" from a known colleague is silent', () => {
    const fired = signalOf(
      establishedOrg().score(mail({ from: 'orders@geeksquad-billing.example', subject: 'Your subscription renewed', text: 'To cancel, call us at +1 (808) 555-0142 within 24 hours.' }), LATER),
      'CALLBACK_NUMBER',
    );
    expect(fired?.strength).toBeGreaterThan(0.8);
    expect(fired?.evidence.noLinks).toBe(true);
    expect(signalOf(withKnown(COLLEAGUE).score(mail({ from: COLLEAGUE, text: 'Please call me on +44 20 7946 0958 when free.' }), LATER), 'CALLBACK_NUMBER')).toBeUndefined();
  });

  it('INVOICE: an invoice from a stranger; the same from a vendor of twenty messages is silent', () => {
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, subject: 'Invoice INV-2231', text: 'Please find the invoice.' }), LATER), 'INVOICE')).toBeDefined();
    expect(signalOf(withKnown(VENDOR).score(mail({ from: VENDOR, subject: 'Invoice INV-2231', text: 'Please find the invoice.' }), LATER), 'INVOICE')).toBeUndefined();
  });

  it('strength reflects history: a sender with two messages behind it is judged less strongly than a stranger', () => {
    const text = 'Please process a payment today.';
    const stranger = signalOf(establishedOrg().score(mail({ from: STRANGER, text }), LATER), 'PAYMENT_REQUEST')!.strength;
    const acquaintance = signalOf(withKnown(STRANGER, 2).score(mail({ from: STRANGER, text }), LATER), 'PAYMENT_REQUEST')!.strength;
    expect(acquaintance).toBeLessThan(stranger);
  });

  it('puts what the words ask for into the threat assessment', () => {
    const verdict = establishedOrg().score(mail({ from: STRANGER, subject: 'Urgent', text: 'Our bank details have changed. Please process a payment. Call us at +1 (808) 555-0142.' }), LATER);
    expect(verdict.threat.asks).toEqual(expect.arrayContaining(['payment', 'bank_details_change', 'callback']));
    expect(verdict.threat.evidence.bank_details_change).toContain('bank details have changed');
  });
});
