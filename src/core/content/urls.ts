import type { Link } from '../message.js';
import { URL_SHORTENERS } from './shorteners.js';

/**
 * Structural facts about one link, from the parsed Message only (we never fetch a URL).
 * Learned facts — whether the organisation knows the domain — are the link feature's job.
 */
export interface LinkTraits {
  readonly ipLiteral: boolean;
  readonly punycode: boolean;
  readonly shortener: boolean;
  /** The visible text names a registrable domain other than the href's. */
  readonly textNamesOtherDomain: boolean;
}

/** Links examined per message (the parser keeps up to MAX_LINKS): phishing puts its link early. */
export const MAX_LINKS_EXAMINED = 100;
/** Distinct link domains looked up in the model per message. */
export const MAX_LINK_DOMAINS = 20;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function isIpLiteral(host: string): boolean {
  // URL() normalises decimal/hex/octal IPv4 forms to dotted quads and keeps IPv6 as hex with colons.
  return IPV4.test(host) || host.includes(':');
}

export function isPunycode(host: string): boolean {
  return host.split('.').some((label) => label.startsWith('xn--')) || /[^\x00-\x7f]/.test(host);
}

export function linkTraits(link: Link): LinkTraits {
  const host = link.host ?? '';
  return {
    ipLiteral: host !== '' && isIpLiteral(host),
    punycode: host !== '' && isPunycode(host),
    shortener: URL_SHORTENERS.has(host) || (link.registrableDomain !== null && URL_SHORTENERS.has(link.registrableDomain) && host === link.registrableDomain),
    textNamesOtherDomain: link.textDomain !== null && link.registrableDomain !== null && link.textDomain !== link.registrableDomain,
  };
}

/** Web links worth examining (http/https/ftp with a host), capped. */
export function examinedLinks(links: readonly Link[]): Link[] {
  return links.filter((l) => l.host !== null).slice(0, MAX_LINKS_EXAMINED);
}

/** The registrable domain a link is profiled under: the IP itself for IP literals. */
export function linkDomainOf(link: Link): string | null {
  return link.registrableDomain ?? link.host;
}

/** Distinct link domains of a message, in order of appearance, capped. */
export function linkDomainsOf(links: readonly Link[]): string[] {
  const domains: string[] = [];
  for (const link of examinedLinks(links)) {
    const d = linkDomainOf(link);
    if (d && !domains.includes(d)) domains.push(d);
    if (domains.length >= MAX_LINK_DOMAINS) break;
  }
  return domains;
}
