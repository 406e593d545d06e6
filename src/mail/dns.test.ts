import { describe, expect, it } from 'vitest';
import { createFakeResolver, isTransientDnsError, offlineResolver } from './dns.js';

const zone = {
  'Example.com.': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'], MX: [{ exchange: 'mx.example.com', priority: 10 }] },
  'mx.example.com': { A: ['192.0.2.25'] },
  'sel._domainkey.example.com': { TXT: ['x'.repeat(600)] },
  'broken.example.com': { fail: 'ETIMEOUT' as const },
};

async function codeOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof Error && 'code' in err ? err.code : err;
  }
}

describe('createFakeResolver', () => {
  const resolve = createFakeResolver(zone);

  it('answers in the shapes node:dns uses (TXT as chunks, MX as objects)', async () => {
    expect(await resolve('example.com', 'TXT')).toEqual([['v=spf1 ip4:192.0.2.0/24 -all']]);
    expect(await resolve('EXAMPLE.COM.', 'MX')).toEqual([{ exchange: 'mx.example.com', priority: 10 }]);
    expect(await resolve('mx.example.com', 'A')).toEqual(['192.0.2.25']);
  });

  it('splits long TXT strings into 255-octet chunks like real DNS', async () => {
    const [record] = (await resolve('sel._domainkey.example.com', 'TXT')) as string[][];
    expect(record?.map((c) => c.length)).toEqual([255, 255, 90]);
  });

  it('distinguishes NXDOMAIN from NODATA, including empty non-terminals', async () => {
    expect(await codeOf(resolve('nowhere.example.com', 'TXT'))).toBe('ENOTFOUND');
    expect(await codeOf(resolve('mx.example.com', 'TXT'))).toBe('ENODATA');
    expect(await codeOf(resolve('_domainkey.example.com', 'TXT'))).toBe('ENODATA');
  });

  it('can simulate a failing server per name', async () => {
    expect(await codeOf(resolve('broken.example.com', 'TXT'))).toBe('ETIMEOUT');
  });
});

describe('offlineResolver', () => {
  it('fails every query with a transient error', async () => {
    const code = await codeOf(offlineResolver('example.com', 'TXT'));
    expect(code).toBe('ECONNREFUSED');
  });
});

describe('isTransientDnsError', () => {
  it('treats only "no such record" answers as definite', () => {
    expect(isTransientDnsError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }))).toBe(false);
    expect(isTransientDnsError(Object.assign(new Error('x'), { code: 'ENODATA' }))).toBe(false);
    expect(isTransientDnsError(Object.assign(new Error('x'), { code: 'ETIMEOUT' }))).toBe(true);
    expect(isTransientDnsError(new Error('no code'))).toBe(true);
  });
});
