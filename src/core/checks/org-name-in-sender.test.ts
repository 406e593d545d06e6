import { describe, expect, it } from 'vitest';
import { identityOrg, signalFor } from '../../../test/helpers/identity-org.js';

const model = identityOrg();
const check = (from: string) => signalFor(model, { from }, 'ORG_NAME_IN_SENDER');

describe('ORG_NAME_IN_SENDER', () => {
  it("fires when an outside sender uses the organisation's name", () => {
    expect(check('Corvid Labs IT Support <helpdesk@secure-mailbox.net>')?.evidence).toMatchObject({ orgName: 'corvid labs', inDisplayName: true });
    expect(check('Payroll <corvidlabs.payroll@gmail.com>')?.evidence).toMatchObject({ inLocalPart: true, inDisplayName: false });
    expect(check('"Labs, Corvid" <x@y-mail.net>')?.evidence.inDisplayName).toBe(true);
  });

  it('stays silent on our own people and on a service the organisation really uses', () => {
    expect(check('Corvid Labs IT <it@corvid-labs.com>')).toBeUndefined();
    expect(check('Corvid Labs via DocSign <noreply@docsign.com>')).toBeUndefined();
    expect(check('Corvid Conference <info@corvid-conf.org>')).toBeUndefined();
  });
});
