import { describe, expect, it } from 'vitest';
import { identityOrg, signalFor } from '../../../test/helpers/identity-org.js';

const model = identityOrg();
const check = (from: string) => signalFor(model, { from }, 'LOOKALIKE_OWN_DOMAIN');

describe('LOOKALIKE_OWN_DOMAIN', () => {
  it("fires on imitations of the organisation's own domain", () => {
    expect(check('IT Desk <it@corvid-1abs.com>')?.evidence).toMatchObject({ imitates: 'corvid-labs.com', resemblance: 'homoglyph' });
    expect(check('IT Desk <it@corvidlabs.com>')?.evidence).toMatchObject({ resemblance: 'added-hyphen' });
    expect(check('IT Desk <it@corvid-labs.net>')?.evidence).toMatchObject({ resemblance: 'tld-swap' });
    expect(check('IT Desk <it@corvid-lasb.com>')?.evidence).toMatchObject({ resemblance: 'edit-distance', editDistance: 1 });
  });

  it('stays silent on our own domain, subdomains, and unrelated neighbours', () => {
    expect(check('Dana Whitfield <dana@corvid-labs.com>')).toBeUndefined();
    expect(check('Alerts <alerts@mail.corvid-labs.com>')).toBeUndefined();
    expect(check('Corvus <hi@corvus.com>')).toBeUndefined();
    expect(check('Nina Park <nina@northwind.com>')).toBeUndefined();
  });
});
