import { describe, expect, it } from 'vitest';
import type { Link } from '../message.js';
import { isIpLiteral, isPunycode, linkDomainsOf, linkTraits, MAX_LINK_DOMAINS } from './urls.js';

function link(href: string, host: string | null, registrableDomain: string | null, textDomain: string | null = null): Link {
  return { href, text: textDomain ?? '', host, registrableDomain, textDomain, source: 'html' };
}

describe('link traits', () => {
  it('recognises IP literals, punycode hosts and shorteners', () => {
    expect(isIpLiteral('192.168.1.10')).toBe(true);
    expect(isIpLiteral('::1')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isPunycode('xn--pypal-4ve.com')).toBe(true);
    expect(isPunycode('paypal.com')).toBe(false);
    expect(linkTraits(link('https://bit.ly/x', 'bit.ly', 'bit.ly')).shortener).toBe(true);
  });

  it('flags visible text naming another registrable domain, not the same one', () => {
    expect(linkTraits(link('https://evil.example/login', 'evil.example', 'evil.example', 'bank.com')).textNamesOtherDomain).toBe(true);
    expect(linkTraits(link('https://www.bank.com/x', 'www.bank.com', 'bank.com', 'bank.com')).textNamesOtherDomain).toBe(false);
  });

  it('caps the distinct link domains looked up', () => {
    const links = Array.from({ length: 50 }, (_, i) => link(`https://d${i}.example/`, `d${i}.example`, `d${i}.example`));
    expect(linkDomainsOf(links)).toHaveLength(MAX_LINK_DOMAINS);
  });
});
