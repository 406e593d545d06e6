import { describe, expect, it } from 'vitest';
import { decodePunycode, isPunycodeDomain, toUnicodeDomain } from './punycode.js';

describe('punycode decoding', () => {
  it('decodes IDN labels (RFC 3492)', () => {
    expect(toUnicodeDomain('xn--pypal-4ve.com')).toBe('p\u0430ypal.com');
    expect(toUnicodeDomain('xn--bcher-kva.de')).toBe('bücher.de');
    expect(toUnicodeDomain('xn--r8jz45g.jp')).toBe('例え.jp');
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
  });

  it('leaves ASCII and undecodable labels as written', () => {
    expect(toUnicodeDomain('acme.com')).toBe('acme.com');
    expect(toUnicodeDomain('xn--!!.com')).toBe('xn--!!.com');
    expect(isPunycodeDomain('mail.xn--pypal-4ve.com')).toBe(true);
    expect(isPunycodeDomain('acme.com')).toBe(false);
  });
});
