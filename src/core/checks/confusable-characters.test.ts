import { describe, expect, it } from 'vitest';
import { identityOrg, signalFor } from '../../../test/helpers/identity-org.js';

const model = identityOrg();
const check = (from: string) => signalFor(model, { from }, 'CONFUSABLE_CHARACTERS');

describe('CONFUSABLE_CHARACTERS', () => {
  it('fires on Cyrillic letters inside a Latin display name or domain', () => {
    expect(check('P\u0430yPal Service <service@paypal-help.net>')?.evidence).toMatchObject({ inName: true, scripts: ['Cyrillic', 'Latin'] });
    expect(check('Service <service@p\u0430ypal.com>')?.evidence).toMatchObject({ inDomain: true });
    expect(check('Service <service@xn--pypal-4ve.com>')?.evidence).toMatchObject({ inDomain: true, domain: 'p\u0430ypal.com' });
  });

  it('fires on a Latin and Greek mix', () => {
    expect(check('J\u03bfhn Smith <john@smith-consulting.net>')?.evidence.findings).toEqual([expect.stringContaining('mixed-script')]);
  });

  it('stays silent on a name wholly in Greek, known or new, and on accented Latin names', () => {
    expect(check('Γιάννης Παπαδόπουλος <giannis@olympus.gr>')).toBeUndefined();
    expect(check('Νίκος Ζαχαρίου <nikos@aegean.gr>')).toBeUndefined();
    expect(check('Zoë Müller <zoe@mueller.de>')).toBeUndefined();
    expect(check('山田 太郎 <taro@example.jp>')).toBeUndefined();
  });
});
