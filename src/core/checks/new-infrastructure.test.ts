import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage, dkimSigned, hop } from '../../../test/helpers/message-builder.js';

/** vera@vendor.com has written for two months from the vendor's servers, signed by vendor.com, with Outlook. */
function vendorModel() {
  const model = newModel();
  for (let day = 0; day < 60; day += 1) {
    model.learnMessage(
      buildMessage({
        from: 'vera@vendor.com',
        to: ['alice@example.org'],
        date: at(day),
        received: [hop('10.0.0.5', 'gw.example.org'), hop(`203.0.113.${(day % 5) + 1}`, 'out1.vendor.com', `out${day % 3}.vendor.com`)],
        auth: dkimSigned('vendor.com'),
        mailer: `Microsoft Outlook 16.0.${1000 + day}`,
      }),
    );
  }
  return model;
}

describe('NEW_INFRASTRUCTURE', () => {
  it('fires when a known sender arrives over a network, host, signer and mailer neither they nor their domain used', () => {
    const when = at(61);
    const verdict = vendorModel().score(
      buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: when, received: [hop('198.51.100.77', 'vps123.cheap-hosting.net')], auth: dkimSigned('cheap-hosting.net'), mailer: 'PHPMailer 6.8.1' }),
      when,
    );
    const s = signal(verdict.signals, 'NEW_INFRASTRUCTURE');
    expect(s?.evidence).toMatchObject({ newDimensions: ['network', 'host', 'dkim', 'mailer'], senderMessages: 60, domainMessages: 60, basis: 'entity' });
    expect(s?.strength).toBeGreaterThan(0.8);
    expect(verdict.tags).toContain('Unusual Infrastructure');
  });

  it("stays silent for a new colleague at the vendor using the vendor's usual servers, signer and mailer (new version)", () => {
    const when = at(61);
    const verdict = vendorModel().score(
      buildMessage({ from: 'victor@vendor.com', to: ['alice@example.org'], date: when, received: [hop('203.0.113.200', 'out9.vendor.com', 'out9.vendor.com')], auth: dkimSigned('vendor.com'), mailer: 'Microsoft Outlook 16.0.17000' }),
      when,
    );
    expect(signal(verdict.signals, 'NEW_INFRASTRUCTURE')).toBeUndefined();
  });

  it('stays silent for the known sender on a new address inside their usual host domain', () => {
    const when = at(61);
    const verdict = vendorModel().score(
      buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: when, received: [hop('192.0.2.10', 'out7.vendor.com', 'out7.vendor.com')], auth: dkimSigned('vendor.com'), mailer: 'Microsoft Outlook 16.0.1' }),
      when,
    );
    expect(signal(verdict.signals, 'NEW_INFRASTRUCTURE')).toBeUndefined();
  });

  it('says nothing about a sender and domain with no history (first contact checks cover them)', () => {
    const when = at(61);
    const verdict = vendorModel().score(buildMessage({ from: 'x@unknown.example', to: ['alice@example.org'], date: when, received: [hop('198.51.100.77', 'vps.example.net')], mailer: 'PHPMailer' }), when);
    expect(signal(verdict.signals, 'NEW_INFRASTRUCTURE')).toBeUndefined();
  });
});

describe('NEW_INFRASTRUCTURE history', () => {
  it('learns nothing about DKIM from mail nobody checked, so the first checked message is not "new"', () => {
    const model = newModel();
    for (let day = 0; day < 30; day += 1) {
      model.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at(day), received: [hop('203.0.113.5', 'out.vendor.com', 'out.vendor.com')] }));
    }
    const when = at(31);
    const verdict = model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: when, received: [hop('203.0.113.5', 'out.vendor.com', 'out.vendor.com')], auth: dkimSigned('vendor.com') }), when);
    expect(signal(verdict.signals, 'NEW_INFRASTRUCTURE')).toBeUndefined();
  });

  it('ignores the route of mailing-list mail (it describes the list server), but not its DKIM signer', () => {
    const model = vendorModel();
    const when = at(61);
    const listed = model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], listId: 'dev.lists.example', date: when, received: [hop('198.51.100.77', 'lists.example.net')], auth: dkimSigned('vendor.com'), mailer: 'Microsoft Outlook 16.0' }), when);
    expect(signal(listed.signals, 'NEW_INFRASTRUCTURE')).toBeUndefined();
  });
});
