import { describe, expect, it } from 'vitest';
import { deletionNeighbourhood, guessRegistrable, indexKeysFor, partsOf, queryKeysFor } from './domain-parts.js';
import { resemblance } from './resemblance.js';

describe('domain resemblance', () => {
  it('names each kind of lookalike', () => {
    expect(resemblance('p\u0430ypal.com', 'paypal.com')?.kind).toBe('homoglyph');
    expect(resemblance('xn--pypal-4ve.com', 'paypal.com')?.kind).toBe('homoglyph');
    expect(resemblance('paypa1.com', 'paypal.com')?.kind).toBe('homoglyph');
    expect(resemblance('northwind.co', 'northwind.com')?.kind).toBe('tld-swap');
    expect(resemblance('north-wind.com', 'northwind.com')?.kind).toBe('added-hyphen');
    expect(resemblance('northwind-billing.com', 'northwind.com')?.kind).toBe('added-word');
    expect(resemblance('northwindbilling.com', 'northwind.com')?.kind).toBe('added-word');
    expect(resemblance('nortwind.com', 'northwind.com')).toMatchObject({ kind: 'edit-distance', distance: 1 });
    expect(resemblance('rnicrosoft.com', 'microsoft.com')?.kind).toBe('homoglyph');
    expect(resemblance('saelsforse.com', 'salesforce.com')).toMatchObject({ kind: 'edit-distance', distance: 2 });
  });

  it('stays silent on the same domain and on short unrelated names', () => {
    expect(resemblance('paypal.com', 'paypal.com')).toBeNull();
    expect(resemblance('boat.com', 'bolt.com')).toBeNull();
    expect(resemblance('abcd.com', 'abce.com')).toBeNull();
    expect(resemblance('stripe.com', 'strava.com')).toBeNull();
    expect(resemblance('acmefoods.com', 'northwind.com')).toBeNull();
  });

  it('allows two edits only on long names', () => {
    expect(resemblance('globaex.com', 'globex.com')?.kind).toBe('edit-distance');
    expect(resemblance('saelsforse.com', 'salesforce.com')?.kind).toBe('edit-distance');
    expect(resemblance('glbaex.com', 'globex.com')).toBeNull();
  });
});

describe('lookalike index keys', () => {
  it('shares a key between names one edit apart (symmetric delete)', () => {
    const known = new Set(indexKeysFor(partsOf('northwind.com')));
    const lookalikes = ['nortwind.com', 'northwlnd.com', 'nrothwind.com', 'northwindd.com', 'north-wind.net'];
    for (const domain of lookalikes) expect(queryKeysFor(partsOf(domain), 48).some((k) => known.has(k)), domain).toBe(true);
  });

  it('finds the base name inside added-word domains', () => {
    expect(queryKeysFor(partsOf('northwind-billing.com'), 48)).toContain('northwind');
    expect(queryKeysFor(partsOf('northwindbilling.com'), 48)).toContain('northwind');
    const multiWord = partsOf('saltmeadow-catering-finance.com');
    expect(queryKeysFor(multiWord, 64)).toContain(partsOf('saltmeadow-catering.com').stem);
    expect(resemblance(multiWord, 'saltmeadow-catering.com')?.kind).toBe('added-word');
  });

  it('is bounded', () => {
    expect(deletionNeighbourhood('a'.repeat(60)).length).toBeLessThanOrEqual(33);
    expect(queryKeysFor(partsOf(`${'abcdefghij'.repeat(6)}.com`), 64).length).toBeLessThanOrEqual(64);
    expect(queryKeysFor(partsOf(`${'ab-'.repeat(30)}cd.com`), 64).length).toBeLessThanOrEqual(64);
  });

  it('guesses the registrable part of own domains', () => {
    expect(guessRegistrable('mail.corvid-labs.com')).toBe('corvid-labs.com');
    expect(guessRegistrable('corvid.co.uk')).toBe('corvid.co.uk');
  });
});
