import { describe, expect, it } from 'vitest';
import { identityOrg, signalFor } from '../../../test/helpers/identity-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

const model = identityOrg();
const check = (from: string) => signalFor(model, { from }, 'LOOKALIKE_DOMAIN');

describe('LOOKALIKE_DOMAIN', () => {
  it('fires on each kind of imitation of an established vendor domain', () => {
    expect(check('Nina Park <nina@northwlnd.com>')?.evidence).toMatchObject({ imitates: 'northwind.com', resemblance: 'edit-distance', editDistance: 1 });
    expect(check('Nina Park <nina@northw\u0456nd.com>')?.evidence).toMatchObject({ imitates: 'northwind.com', resemblance: 'homoglyph', idn: true });
    expect(check('Nina Park <nina@xn--northwnd-yhh.com>')?.evidence).toMatchObject({ resemblance: 'homoglyph', idn: true });
    expect(check('Nina Park <nina@northwind.co>')?.evidence).toMatchObject({ resemblance: 'tld-swap' });
    expect(check('Accounts <ap@northwind-billing.com>')?.evidence).toMatchObject({ imitates: 'northwind.com', resemblance: 'added-word' });
    expect(check('Accounts <ap@north-wind.com>')?.evidence).toMatchObject({ resemblance: 'added-hyphen' });
  });

  it("quotes the real domain's history", () => {
    const signal = check('Nina Park <nina@northwlnd.com>');
    expect(signal?.strength).toBeGreaterThan(0.8);
    expect(signal?.evidence.imitatedMessages).toBeGreaterThanOrEqual(90);
    expect(signal?.evidence.imitatedDaysKnown).toBe(100);
    expect(signal?.summary).toMatch(/northwlnd\.com imitates northwind\.com \(one character changed\)/);
  });

  it('stays silent on the real domain, its established second domain, and unrelated short domains', () => {
    expect(check('Nina Park <nina@northwind.com>')).toBeUndefined();
    expect(check('Northwind Billing <billing@northwind-pay.com>')).toBeUndefined();
    expect(check('Boat Hire <hello@boat.com>')).toBeUndefined(); // one edit from bolt.com, but too short to judge
    expect(check('Salt Shop <hello@salt.com>')).toBeUndefined(); // two edits from bolt.com
    expect(check('Northwest Air <hello@northwest.com>')).toBeUndefined(); // three edits from northwind.com
    expect(check('Someone <hi@acmefoods.com>')).toBeUndefined();
  });

  it("stays silent on a free-mail provider's other country domain (yahoo.co.uk beside an established yahoo.com)", () => {
    const withYahoo = identityOrg();
    for (let i = 0; i < 20; i++) {
      withYahoo.learnMessage(buildMessage({ from: `Friend ${i} <friend${i}@yahoo.com>`, to: ['alice@corvid-labs.com'], date: Date.UTC(2024, 2, 1 + i) }));
      withYahoo.learnMessage(buildMessage({ from: 'alice@corvid-labs.com', to: [`friend${i}@yahoo.com`], date: Date.UTC(2024, 2, 1 + i) }));
    }
    expect(signalFor(withYahoo, { from: 'x <x@yahoo.co.uk>' }, 'LOOKALIKE_DOMAIN')).toBeUndefined();
    // The neighbour that must still fire: a made-up domain on the same pattern.
    expect(signalFor(withYahoo, { from: 'x <x@yahoo-billing.com>' }, 'LOOKALIKE_DOMAIN')?.evidence).toMatchObject({ imitates: 'yahoo.com' });
  });

  it('does not treat a domain with too little history as something to imitate', () => {
    const fresh = identityOrg();
    // One message from a domain is not an established relationship.
    fresh.learnMessage(buildMessage({ from: 'Lone <lone@quillfeather.com>', to: ['alice@corvid-labs.com'], date: Date.UTC(2024, 2, 1) }));
    expect(signalFor(fresh, { from: 'x <x@quillfeathers.com>' }, 'LOOKALIKE_DOMAIN')).toBeUndefined();
    // A few more messages, in both directions, and it is established.
    for (let i = 1; i <= 3; i++) {
      fresh.learnMessage(buildMessage({ from: 'Lone <lone@quillfeather.com>', to: ['alice@corvid-labs.com'], date: Date.UTC(2024, 2, 1 + i) }));
      fresh.learnMessage(buildMessage({ from: 'alice@corvid-labs.com', to: ['lone@quillfeather.com'], date: Date.UTC(2024, 2, 1 + i) }));
    }
    expect(signalFor(fresh, { from: 'x <x@quillfeathers.com>' }, 'LOOKALIKE_DOMAIN')?.evidence).toMatchObject({ imitates: 'quillfeather.com' });
  });
});

