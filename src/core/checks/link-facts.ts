import { examinedLinks, linkDomainOf, linkDomainsOf, linkTraits, type LinkTraits } from '../content/urls.js';
import type { Link } from '../message.js';
import { ContentKeys } from '../model/content-keys.js';
import type { CheckContext } from './check.js';

/** One examined link with what the organisation and this sender know of its domain. */
export interface LinkFacts {
  readonly link: Link;
  readonly domain: string;
  readonly traits: LinkTraits;
  /** Messages here (any sender, both directions) that linked to this domain. */
  readonly orgCount: number;
  /** Messages from this sender that linked to this domain. */
  readonly senderCount: number;
}

/** Only links whose domain was looked up (the first MAX_LINK_DOMAINS distinct domains) are judged. */
export function linkFactsOf({ message, who, view }: CheckContext): LinkFacts[] {
  const looked = new Set(linkDomainsOf(message.links));
  const facts: LinkFacts[] = [];
  for (const link of examinedLinks(message.links)) {
    const domain = linkDomainOf(link);
    if (!domain || !looked.has(domain)) continue;
    facts.push({
      link,
      domain,
      traits: linkTraits(link),
      orgCount: view.count(ContentKeys.orgLinkDomain(domain)),
      senderCount: who.sender ? view.count(ContentKeys.senderLinkDomain(who.sender, domain)) : 0,
    });
  }
  return facts;
}

export function orgLinkMessages({ view }: CheckContext): number {
  return view.count(ContentKeys.orgLinkMessages());
}

/** Short form of a URL for evidence: scheme-less, capped. */
export function shortUrl(href: string): string {
  const s = href.replace(/^[a-z]+:\/\//i, '');
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** Distinct values, first few. */
export function firstDistinct(values: readonly string[], n = 5): string[] {
  return [...new Set(values)].slice(0, n);
}
