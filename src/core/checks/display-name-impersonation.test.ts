import { describe, expect, it } from 'vitest';
import { identityOrg, signalFor } from '../../../test/helpers/identity-org.js';

const model = identityOrg();
const check = (from: string) => signalFor(model, { from }, 'DISPLAY_NAME_IMPERSONATION');

describe('DISPLAY_NAME_IMPERSONATION', () => {
  it("fires on the CEO's name from a free-mail address, and knows she is a VIP", () => {
    const signal = check('Dana Whitfield <dana.whitfield.ceo@gmail.com>');
    expect(signal?.evidence).toMatchObject({ vip: true, internalPerson: true, addressKind: 'free-mail', knownAddresses: ['dana@corvid-labs.com'] });
    expect(signal?.strength).toBeGreaterThanOrEqual(0.9);
  });

  it('matches the name however it is written', () => {
    expect(check('"WHITFIELD, Dana" <ceo.office@outlook.com>')?.evidence.vip).toBe(true);
    expect(check('D\u0430na Whitfield <dw@secure-exec.net>')?.evidence.addressKind).toBe('external');
  });

  it('fires on a colleague who is not a VIP, from an address he never used', () => {
    expect(check('Bob Jones <bobjones77@outlook.com>')?.evidence).toMatchObject({ vip: false, internalPerson: true });
  });

  it("stays silent on the person's own address and on a colleague's new address announced in a thread", () => {
    expect(check('Bob Jones <bob.jones.home@gmail.com>')).toBeUndefined();
    expect(check('Nina Park <nina@northwind.com>')).toBeUndefined();
  });

  it('stays silent on names nobody here goes by, and on single first names', () => {
    expect(check('Priya Raman <priya@gmail.com>')).toBeUndefined();
    expect(check('Dana <dana1988@gmail.com>')).toBeUndefined();
  });
});
