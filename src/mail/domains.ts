/**
 * Registrable-domain lookup shared by addresses and links. Results are always in Unicode
 * form, so `xn--bcher-kva.de` and `bücher.de` compare equal wherever profiles key on them.
 */
import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';

export function toUnicodeDomain(domain: string): string {
  const lower = domain.toLowerCase().replace(/\.$/, '');
  if (!lower.includes('xn--')) return lower;
  // domainToUnicode returns '' for invalid punycode; keep what was written then.
  return domainToUnicode(lower) || lower;
}

export function registrableDomain(hostOrUrl: string): string | null {
  if (hostOrUrl === '' || hostOrUrl.length > 1024) return null;
  try {
    const d = getDomain(hostOrUrl.toLowerCase());
    return d ? toUnicodeDomain(d) : null;
  } catch {
    return null;
  }
}
