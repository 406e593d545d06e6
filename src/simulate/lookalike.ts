/**
 * Lookalike domains of a real one, by the techniques attackers use: one character changed,
 * a Unicode homoglyph (written as punycode, as it travels), a TLD swap, an added hyphen or an
 * added word.
 */
import { domainToASCII } from 'node:url';

export type LookalikeVariant = 'edit' | 'homoglyph' | 'tld-swap' | 'hyphen' | 'added-word';
export const LOOKALIKE_VARIANTS: readonly LookalikeVariant[] = ['edit', 'homoglyph', 'tld-swap', 'hyphen', 'added-word'];

const HOMOGLYPHS: Readonly<Record<string, string>> = { a: '\u0430', e: '\u0435', o: '\u043e', c: '\u0441', p: '\u0440', i: '\u0456' };
const EDITS: Readonly<Record<string, string>> = { l: '1', o: '0', i: 'l', m: 'rn', e: 'a', a: 'e', n: 'm', r: 'n' };

function splitDomain(domain: string): { label: string; suffix: string } {
  const dot = domain.indexOf('.');
  return { label: domain.slice(0, dot), suffix: domain.slice(dot + 1) };
}

/** The `n`-th lookalike of `domain` for a variant; different `n` give different results. */
export function lookalike(domain: string, variant: LookalikeVariant, n: number, avoid: ReadonlySet<string> = new Set()): string {
  const { label, suffix } = splitDomain(domain);
  const candidates: string[] = [];
  const chars = [...label];
  if (variant === 'edit') {
    chars.forEach((ch, i) => {
      const swap = EDITS[ch];
      if (swap) candidates.push(`${label.slice(0, i)}${swap}${label.slice(i + 1)}.${suffix}`);
    });
    for (let i = 1; i < chars.length - 1; i++) if (chars[i] !== '-' && chars[i + 1] !== '-') candidates.push(`${label.slice(0, i)}${label[i + 1]}${label[i]}${label.slice(i + 2)}.${suffix}`);
  } else if (variant === 'homoglyph') {
    chars.forEach((ch, i) => {
      const glyph = HOMOGLYPHS[ch];
      if (glyph) candidates.push(domainToASCII(`${label.slice(0, i)}${glyph}${label.slice(i + 1)}.${suffix}`));
    });
  } else if (variant === 'tld-swap') {
    for (const tld of ['co', 'net', 'com', 'org', 'io', 'co.uk', 'de', 'test', 'example', 'info']) if (tld !== suffix) candidates.push(`${label}.${tld}`);
  } else if (variant === 'hyphen') {
    if (label.includes('-')) candidates.push(`${label.replace('-', '')}.${suffix}`);
    for (let i = 2; i < chars.length - 2; i++) if (chars[i] !== '-' && chars[i - 1] !== '-') candidates.push(`${label.slice(0, i)}-${label.slice(i)}.${suffix}`);
  } else {
    for (const word of ['payments', 'invoices', 'accounts', 'secure', 'finance', 'group', 'portal', 'remit']) candidates.push(`${label}-${word}.${suffix}`);
  }
  const usable = candidates.filter((c) => c !== domain && !avoid.has(c));
  return usable[n % Math.max(1, usable.length)] ?? `${label}-secure.${suffix}`;
}
