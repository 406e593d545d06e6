import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTrustedAuthservId, parseAuthenticationResults, trustedUpstreamResults } from './authentication-results.js';

/** Minimal header splitter (the real parser lives elsewhere): names lower-cased, values unfolded. */
function headersOf(raw: string): { name: string; value: string }[] {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  return head
    .split(/\r?\n(?![ \t])/)
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim() };
    })
    .filter((h) => h.name.length > 0);
}

const org = { orgDomains: ['example.org'], trustedAuthservIds: [] };

describe('parseAuthenticationResults', () => {
  it('reads authserv-id, methods, properties, quoted values and comments', () => {
    const parsed = parseAuthenticationResults(
      'mx.example.org 1; spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=a@example.com; ' +
        'dkim=pass (2048-bit key; unprotected) header.d=example.com header.s=sel header.b="AbC;d"; ' +
        'dmarc = fail reason="spoof; obviously" (p=REJECT sp=NONE) header.from=example.com',
    );
    expect(parsed.authservId).toBe('mx.example.org');
    expect(parsed.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass', 'dmarc=fail']);
    expect(parsed.results[1]?.props).toMatchObject({ 'header.d': 'example.com', 'header.s': 'sel', 'header.b': 'AbC;d' });
    expect(parsed.results[1]?.comments).toEqual(['2048-bit key; unprotected']);
    expect(parsed.results[2]?.props['reason']).toBe('spoof; obviously');
  });

  it('takes the ARC instance before the authserv-id', () => {
    const parsed = parseAuthenticationResults('i=2; mx.example.org; arc=pass', { arc: true });
    expect(parsed).toMatchObject({ instance: 2, authservId: 'mx.example.org' });
  });

  it('has no authserv-id when the header starts with a result (as Microsoft writes some)', () => {
    const parsed = parseAuthenticationResults('dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=x.com;');
    expect(parsed.authservId).toBeNull();
    expect(parsed.results.map((r) => r.method)).toEqual(['dkim', 'dmarc']);
  });

  it('accepts "none" as the only result', () => {
    expect(parseAuthenticationResults('mx.example.org; none').results).toEqual([]);
  });
});

describe('isTrustedAuthservId', () => {
  it('trusts hosts under an org domain, the domain itself, and configured ids only', () => {
    const trust = { orgDomains: ['Example.org'], trustedAuthservIds: ['relay.partner.net'] };
    expect(isTrustedAuthservId('mx.example.org', trust)).toBe(true);
    expect(isTrustedAuthservId('example.org', trust)).toBe(true);
    expect(isTrustedAuthservId('RELAY.partner.net', trust)).toBe(true);
    expect(isTrustedAuthservId('evilexample.org', trust)).toBe(false);
    expect(isTrustedAuthservId('example.org.evil.com', trust)).toBe(false);
    expect(isTrustedAuthservId('partner.net', trust)).toBe(false);
  });
});

describe('trustedUpstreamResults', () => {
  it('ignores a forged header with a foreign authserv-id lower down', () => {
    const headers = [
      { name: 'received', value: 'from a by b' },
      { name: 'authentication-results', value: 'mx.attacker.example; spf=pass smtp.mailfrom=bank.com; dmarc=pass header.from=bank.com' },
    ];
    expect(trustedUpstreamResults(headers, org)).toBeNull();
  });

  it('trusts mx.example.org and ignores a foreign header above it', () => {
    const headers = [
      { name: 'authentication-results', value: 'mx.attacker.example; spf=pass smtp.mailfrom=bank.com' },
      { name: 'authentication-results', value: 'mx.example.org; spf=softfail smtp.mailfrom=bank.com; dkim=fail header.d=bank.com header.s=s1; dmarc=fail (p=REJECT) header.from=bank.com; arc=none' },
    ];
    expect(trustedUpstreamResults(headers, org)).toEqual({
      source: 'upstream',
      authservId: 'mx.example.org',
      spf: { result: 'softfail', domain: 'bank.com' },
      dkim: [{ result: 'fail', domain: 'bank.com', selector: 's1' }],
      dmarc: { result: 'fail', domain: 'bank.com', policy: 'reject' },
      arc: { result: 'none' },
    });
  });

  it('takes only the first trusted header from the top (fixture: a pass forged below it)', () => {
    const raw = readFileSync(new URL('../../test/fixtures/auth/forged-below-trusted.eml', import.meta.url), 'utf8');
    const auth = trustedUpstreamResults(headersOf(raw), org);
    expect(auth).toMatchObject({ spf: { result: 'fail' }, dkim: [], dmarc: { result: 'fail', policy: 'reject' } });
  });

  it('reports methods the trusted header does not mention as unknown', () => {
    const auth = trustedUpstreamResults([{ name: 'authentication-results', value: 'mx.example.org; dkim=pass header.i=@example.com' }], org);
    expect(auth).toMatchObject({ spf: { result: 'unknown' }, dmarc: { result: 'unknown' }, arc: { result: 'unknown' } });
    expect(auth?.dkim).toEqual([{ result: 'pass', domain: 'example.com', selector: null }]);
  });

  describe('real headers from the linux-watchdog archive (vger / subspace / Microsoft ARC)', () => {
    const raw = readFileSync(new URL('../../../shared/corpora/lore_linux_watchdog/msgs/11398.eml', import.meta.url), 'latin1');
    const headers = headersOf(raw);

    it('trusts subspace.kernel.org when kernel.org is the organisation', () => {
      const auth = trustedUpstreamResults(headers, { orgDomains: ['kernel.org'], trustedAuthservIds: [] });
      expect(auth).toEqual({
        source: 'upstream',
        authservId: 'smtp.subspace.kernel.org',
        spf: { result: 'unknown', domain: null },
        dkim: [{ result: 'pass', domain: 'bp.renesas.com', selector: null }],
        dmarc: { result: 'unknown', domain: null, policy: null },
        arc: { result: 'unknown' },
      });
    });

    it('reads the ARC-Authentication-Results of mx.microsoft.com (with its "1" version) when configured', () => {
      const auth = trustedUpstreamResults(headers, { orgDomains: [], trustedAuthservIds: ['mx.microsoft.com'] });
      expect(auth).toEqual({
        source: 'upstream',
        authservId: 'mx.microsoft.com',
        spf: { result: 'pass', domain: 'bp.renesas.com' },
        dkim: [{ result: 'pass', domain: 'bp.renesas.com', selector: null }],
        dmarc: { result: 'pass', domain: 'bp.renesas.com', policy: null },
        arc: { result: 'none' },
      });
    });

    it('trusts nothing for an unrelated organisation', () => {
      expect(trustedUpstreamResults(headers, org)).toBeNull();
    });
  });
});
