import { describe, expect, it } from 'vitest';
import { buildMessage, dkimSigned, hop, UNCHECKED_AUTH } from '../../../test/helpers/message-builder.js';
import { hostDomain, mailerFamily, sendingInfrastructure } from './infrastructure.js';

const org = { domains: ['example.org'] };

describe('sendingInfrastructure', () => {
  it('reads the first external hop below our own relays, the DKIM signers and the mailer family', () => {
    const message = buildMessage({
      from: 'vera@vendor.com',
      received: [hop('10.0.0.2', 'mailbox.example.org'), hop('192.0.2.10', 'edge.example.org', 'edge.example.org'), hop('203.0.113.5', 'out.vendor.com', 'mail-out7.vendor.co.uk'), hop('198.51.100.1', 'inner.vendor.com')],
      auth: dkimSigned('vendor.com', 'esp.example'),
      mailer: 'Microsoft Outlook 16.0.17126',
    });
    expect(sendingInfrastructure(message, org)).toEqual({ network: '203.0.113.0/24', host: 'vendor.co.uk', dkim: ['vendor.com', 'esp.example'], mailer: 'microsoft outlook' });
  });

  it('prefers the envelope client when belong saw the connection, and marks unsigned mail', () => {
    const envelope = { mailFrom: 'x@y.com', rcptTo: ['alice@example.org'], clientIp: '2001:db8:1234:5::1', helo: 'smtp.y.com' };
    const checked = buildMessage({ from: 'x@y.com', envelope, auth: { ...UNCHECKED_AUTH, source: 'own' } });
    expect(sendingInfrastructure(checked, org)).toMatchObject({ network: '2001:db8:1234::/48', host: 'y.com', dkim: ['none'], mailer: null });
    // Nobody checked the signatures: unknown, not unsigned.
    expect(sendingInfrastructure(buildMessage({ from: 'x@y.com', envelope }), org).dkim).toEqual([]);
  });

  it('normalises host names and mailers so routine churn is not new', () => {
    expect(hostDomain('mail-ed1-f54.google.com')).toBe('google.com');
    expect(hostDomain('[203.0.113.5]')).toBeNull();
    expect(mailerFamily('Mozilla/5.0 (Windows NT 10.0; rv:102.0) Gecko/20100101 Thunderbird/102.6.0')).toBe('mozilla gecko thunderbird');
  });
});
