import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf, orgLinkMessages } from './link-facts.js';

/** Messages with links learned after which "nobody here linked to it" is half-trusted. */
const LINK_BASELINE_HALF = 50;

export const linkDomainNewToOrg: Check = {
  id: 'LINK_DOMAIN_NEW_TO_ORG',
  description: "The email links to a domain never seen in the organisation's mail (other than the sender's own).",
  run(context) {
    if (context.who.direction === 'outbound') return null;
    // A sender linking to its own domain is not news beyond the sender being new, which other checks report.
    const fresh = linkFactsOf(context).filter((f) => f.orgCount === 0 && f.domain !== context.who.senderDomain);
    if (fresh.length === 0) return null;
    const history = orgLinkMessages(context);
    const strength = round2(confidenceFrom(history, LINK_BASELINE_HALF));
    if (strength === 0) return null;
    const domains = firstDistinct(fresh.map((f) => f.domain));
    return {
      id: this.id,
      strength,
      evidence: { newDomains: domains, newDomainCount: new Set(fresh.map((f) => f.domain)).size, orgMessagesWithLinks: history },
      summary: `links to ${domains.length === 1 ? `${domains[0]}, a domain` : `${domains.join(', ')}, domains`} never seen in mail here`,
    };
  },
};
