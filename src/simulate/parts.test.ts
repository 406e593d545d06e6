import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, isValidIban, makeAccount } from './iban.js';
import { LOOKALIKE_VARIANTS, lookalike } from './lookalike.js';
import { quotedPrintable, rfc5322Date } from './mime.js';
import { Rng } from './rng.js';

describe('simulator parts', () => {
  it('computes ISO 13616 check digits (the published GB example) and makes valid accounts', () => {
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('GB83WEST12345698765432')).toBe(false);
    const rng = new Rng(5);
    for (let i = 0; i < 50; i++) expect(isValidIban(makeAccount(rng).iban)).toBe(true);
  });

  it('makes a distinct lookalike per variant, never the original', () => {
    const made = LOOKALIKE_VARIANTS.map((v) => lookalike('tallowick-print.com', v, 0));
    expect(new Set(made).size).toBe(LOOKALIKE_VARIANTS.length);
    expect(made).not.toContain('tallowick-print.com');
    expect(lookalike('tallowick-print.com', 'homoglyph', 0)).toMatch(/^xn--/);
    expect(lookalike('tallowick-print.com', 'tld-swap', 0)).toMatch(/^tallowick-print\.(?!com$)/);
  });

  it('writes dates with the sender offset and quoted-printable within 76 columns', () => {
    expect(rfc5322Date(Date.UTC(2025, 2, 4, 8, 12, 33), 60)).toBe('Tue, 04 Mar 2025 09:12:33 +0100');
    expect(rfc5322Date(Date.UTC(2025, 2, 4, 3, 0, 0), -300)).toBe('Mon, 03 Mar 2025 22:00:00 -0500');
    const qp = quotedPrintable(`Grünewald ${'x'.repeat(200)} é=`);
    for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(qp).toContain('Gr=C3=BCnewald');
  });

  it('forks independent, reproducible streams', () => {
    const a = new Rng(1).fork('org');
    const b = new Rng(1).fork('org');
    const c = new Rng(1).fork('legit');
    const draw = (r: Rng): number[] => Array.from({ length: 5 }, () => r.int(0, 1_000_000));
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });
});
