import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf, shortUrl } from './link-facts.js';

export const linkIpLiteral: Check = {
  id: 'LINK_IP_LITERAL',
  description: 'A link points at a bare IP address instead of a domain name.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const ip = linkFactsOf(context).filter((f) => f.traits.ipLiteral);
    if (ip.length === 0) return null;
    // An appliance that always mails its own admin URL is a habit; halve only with real history.
    const habit = Math.min(...ip.map((f) => f.senderCount));
    const strength = round2(1 - 0.7 * confidenceFrom(habit, 3));
    return {
      id: this.id,
      strength,
      evidence: { hosts: firstDistinct(ip.map((f) => f.domain)), example: shortUrl(ip[0]!.link.href), timesSenderLinkedIt: habit },
      summary: `links to a bare IP address (${ip[0]!.domain})`,
    };
  },
};
