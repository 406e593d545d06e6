import { describe, expect, it } from 'vitest';
import { detectIntents } from './intent.js';

const intents = (subject: string, text: string) => detectIntents({ subject, text });

describe('detectIntents', () => {
  it('finds each intent with the phrase that matched', () => {
    const found = intents(
      'URGENT request',
      'Please process a payment today. Our bank details have changed. Keep this confidential. ' +
        'Verify your account here. Buy 5 Apple gift cards. Call us at +1 (800) 555-0199. Invoice attached. Are you available?',
    );
    expect(found.urgency).toContain('urgent');
    expect(found.payment).toContain('process a payment');
    expect(found.bank_change).toContain('bank details have changed');
    expect(found.secrecy).toContain('confidential');
    expect(found.credentials).toContain('verify your account');
    expect(found.gift_card?.[0]).toMatch(/gift cards/);
    expect(found.callback?.[0]).toMatch(/555-0199/);
    expect(found.invoice).toContain('invoice');
    expect(found.reply).toContain('are you available');
  });

  it('reads German, French and Spanish payment and urgency words, with Unicode word boundaries', () => {
    expect(intents('Dringend', 'Bitte Überweisung noch heute. Neue Bankverbindung.')).toMatchObject({
      urgency: expect.arrayContaining(['dringend']),
      payment: ['überweisung'],
      bank_change: ['neue bankverbindung'],
    });
    expect(intents('', 'Virement urgence: nouvelles coordonnées bancaires').bank_change).toEqual(['nouvelles coordonnées bancaires']);
    expect(intents('', 'Necesito una transferencia bancaria urgente').payment).toEqual(['transferencia bancaria']);
  });

  it('finds nothing in ordinary mail, and no callback in a date or a short number', () => {
    expect(intents('Lunch on Friday?', 'See you at noon, room 4. Thanks!')).toEqual({});
    expect(intents('', 'Call me at 4pm, ext 2231').callback).toBeUndefined();
    expect(intents('', 'Contact us before 2025-06-10 10:00 please').callback).toBeUndefined();
    expect(intents('', 'call our billing team within 24 hours on +1 (555) 0147 to cancel').callback?.[0]).toContain('0147');
  });

  it('quotes at most three short phrases per intent', () => {
    const found = intents('', 'urgent urgently asap immediately right away without delay');
    expect(found.urgency!.length).toBeLessThanOrEqual(3);
  });
});
