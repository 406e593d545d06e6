import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../core/message.js';
import { authenticateMessage, type AuthenticateInput } from './auth.js';
import { mailauthDkimSign } from './auth-mailauth.js';
import { createFakeResolver, offlineResolver, type FakeZone, type Resolver } from './dns.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicB64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

const zone: FakeZone = {
  'example.com': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
  'sel._domainkey.example.com': { TXT: [`v=DKIM1; k=rsa; p=${publicB64}`] },
  '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject'] },
  'example.net': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
  '_dmarc.example.net': { TXT: ['v=DMARC1; p=reject; sp=quarantine'] },
};
const resolver = createFakeResolver(zone);

function message(from: string, body = 'Hello Bob,\r\nplease find the report attached.\r\n'): Buffer {
  return Buffer.from(
    `From: ${from}\r\nTo: bob@example.org\r\nSubject: Quarterly report\r\n` +
      `Date: Mon, 20 Nov 2023 10:00:00 +0000\r\nMessage-ID: <q4@example.com>\r\n\r\n${body}`,
  );
}

async function signed(raw: Buffer): Promise<Buffer> {
  const result = await mailauthDkimSign(raw, { signatureData: [{ signingDomain: 'example.com', selector: 'sel', privateKey: privatePem }] });
  const signatures = typeof result === 'object' && result !== null && 'signatures' in result ? result.signatures : null;
  if (typeof signatures !== 'string' || !signatures.includes('DKIM-Signature')) throw new Error('signing failed');
  return Buffer.concat([Buffer.from(signatures), raw]);
}

function envelope(clientIp: string, mailFrom = 'alice@example.com'): Envelope {
  return { mailFrom, rcptTo: ['bob@example.org'], clientIp, helo: 'mail.example.com' };
}

function input(raw: Buffer, overrides: Partial<AuthenticateInput> = {}): AuthenticateInput {
  return { raw, headers: [], envelope: envelope('192.0.2.10'), orgDomains: ['example.org'], trustedAuthservIds: [], resolver, ...overrides };
}

const trustedHeader = {
  name: 'authentication-results',
  value: 'mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com header.s=sel; dmarc=pass (p=REJECT) header.from=example.com',
};

let genuine: Buffer;
beforeAll(async () => {
  genuine = await signed(message('Alice <alice@example.com>'));
});

describe('authenticateMessage: own check with mailauth', () => {
  it('passes SPF, DKIM and DMARC for a signed message from an authorised IP', async () => {
    expect(await authenticateMessage(input(genuine))).toEqual({
      source: 'own',
      authservId: null,
      spf: { result: 'pass', domain: 'example.com' },
      dkim: [{ result: 'pass', domain: 'example.com', selector: 'sel' }],
      dmarc: { result: 'pass', domain: 'example.com', policy: 'reject' },
      arc: { result: 'none' },
    });
  });

  it('fails DKIM when the body was altered after signing', async () => {
    const tampered = Buffer.from(genuine.toString().replace('the report', 'the new bank details'));
    const auth = await authenticateMessage(input(tampered));
    expect(auth.dkim).toEqual([{ result: 'fail', domain: 'example.com', selector: 'sel' }]);
    // SPF still passes and aligns, so DMARC does too: exactly what a receiving MTA would say.
    expect(auth.dmarc.result).toBe('pass');
  });

  it('fails DKIM when a signed header was altered', async () => {
    const tampered = Buffer.from(genuine.toString().replace('Subject: Quarterly report', 'Subject: Urgent payment'));
    expect((await authenticateMessage(input(tampered))).dkim[0]?.result).toBe('fail');
  });

  it('fails SPF for an IP outside the range of a -all record', async () => {
    const auth = await authenticateMessage(input(genuine, { envelope: envelope('203.0.113.9') }));
    expect(auth.spf).toEqual({ result: 'fail', domain: 'example.com' });
    expect(auth.dmarc.result).toBe('pass'); // aligned DKIM still carries DMARC
  });

  it('fails DMARC for a spoofed From on a p=reject domain', async () => {
    const spoof = await signed(message('CEO <ceo@example.net>'));
    const auth = await authenticateMessage(input(spoof));
    expect(auth.spf.result).toBe('pass'); // example.com's own IP, but not aligned with example.net
    expect(auth.dkim[0]?.result).toBe('pass');
    expect(auth.dmarc).toEqual({ result: 'fail', domain: 'example.net', policy: 'reject' });
  });

  it('reports no DKIM signatures and DMARC none for unsigned mail from a domain without a record', async () => {
    const auth = await authenticateMessage(input(message('x@unlisted.example.com'), { envelope: envelope('192.0.2.10', '') }));
    expect(auth.dkim).toEqual([]);
    expect(auth.dmarc.result).toBe('fail'); // sub-domain of example.com: the org record (p=reject) applies
    expect(auth.dmarc.policy).toBe('reject');
  });
});

describe('authenticateMessage: no network', () => {
  it('reports everything unknown, never fail, with the offline resolver', async () => {
    expect(await authenticateMessage(input(genuine, { resolver: offlineResolver }))).toEqual({
      source: 'none',
      authservId: null,
      spf: { result: 'unknown', domain: null },
      dkim: [{ result: 'unknown', domain: 'example.com', selector: 'sel' }],
      dmarc: { result: 'unknown', domain: null, policy: null },
      arc: { result: 'unknown' },
    });
  });

  it('falls back to a trusted upstream header when DNS is unreachable', async () => {
    const auth = await authenticateMessage(input(genuine, { resolver: offlineResolver, headers: [trustedHeader] }));
    expect(auth).toMatchObject({ source: 'upstream', authservId: 'mx.example.org', dmarc: { result: 'pass' } });
  });

  it('turns a DMARC fail caused by an unreachable key server into unknown', async () => {
    const flaky = createFakeResolver({ ...zone, 'sel._domainkey.example.com': { fail: 'ETIMEOUT' } });
    const auth = await authenticateMessage(input(genuine, { resolver: flaky, envelope: envelope('203.0.113.9') }));
    expect(auth.spf.result).toBe('fail');
    expect(auth.dkim[0]?.result).toBe('unknown');
    expect(auth.dmarc.result).toBe('unknown');
  });

  it('does not report a real ARC chain as failed when its key cannot be fetched', async () => {
    const raw = readFileSync(new URL('../../../shared/corpora/lore_linux_watchdog/msgs/11398.eml', import.meta.url));
    const auth = await authenticateMessage(input(raw, { resolver: offlineResolver, envelope: envelope('40.107.113.134', 'x@bp.renesas.com') }));
    expect(auth.arc.result).toBe('unknown');
    expect([auth.spf.result, auth.dmarc.result, ...auth.dkim.map((d) => d.result)].every((r) => r === 'unknown')).toBe(true);
  });
});

describe('authenticateMessage: choosing the evidence', () => {
  it('uses the trusted upstream verdict without an envelope', async () => {
    const auth = await authenticateMessage(input(genuine, { envelope: null, headers: [trustedHeader] }));
    expect(auth).toMatchObject({ source: 'upstream', spf: { result: 'pass' }, dkim: [{ result: 'pass', selector: 'sel' }] });
  });

  it('uses the trusted upstream verdict without a resolver even when the client IP is known', async () => {
    const auth = await authenticateMessage(input(genuine, { resolver: null, headers: [trustedHeader] }));
    expect(auth.source).toBe('upstream');
  });

  it('says none/unknown when there is neither a check nor a trusted header', async () => {
    const foreign = { ...trustedHeader, value: trustedHeader.value.replace('mx.example.org', 'mx.attacker.example') };
    const auth = await authenticateMessage(input(genuine, { envelope: null, headers: [foreign] }));
    expect(auth).toMatchObject({ source: 'none', spf: { result: 'unknown' }, dkim: [], dmarc: { result: 'unknown' }, arc: { result: 'unknown' } });
  });

  it('treats a resolver that throws as unreachable DNS, not as failure', async () => {
    const hostile: Resolver = () => {
      throw new TypeError('resolver exploded synchronously');
    };
    const auth = await authenticateMessage(input(genuine, { resolver: hostile, headers: [trustedHeader] }));
    expect(auth.source).toBe('upstream');
  });

  it('never throws: an exception inside mailauth falls back to upstream, else none', async () => {
    // A null body makes mailauth's stream writer throw: the only reliable way to reach the catch.
    const unreadable = null as unknown as Buffer;
    expect((await authenticateMessage(input(unreadable, { headers: [trustedHeader] }))).source).toBe('upstream');
    expect(await authenticateMessage(input(unreadable))).toMatchObject({ source: 'none', dmarc: { result: 'unknown' } });
  });
});
