import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf } from './link-facts.js';

const MIN_STRENGTH = 0.2;

export const linkPunycode: Check = {
  id: 'LINK_PUNYCODE',
  description: 'A link host is internationalised (punycode), a way to imitate a familiar name with look-alike characters.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const idn = linkFactsOf(context).filter((f) => f.traits.punycode);
    if (idn.length === 0) return null;
    // Where the organisation links to such a domain routinely (a local-language vendor), it is ordinary.
    const known = Math.min(...idn.map((f) => f.orgCount));
    const strength = round2(1 - confidenceFrom(known, 1));
    if (strength < MIN_STRENGTH) return null;
    return {
      id: this.id,
      strength,
      evidence: { hosts: firstDistinct(idn.map((f) => f.link.host ?? f.domain)), domains: firstDistinct(idn.map((f) => f.domain)), timesOrgLinkedIt: known },
      summary: `links to an internationalised host (${idn[0]!.link.host})`,
    };
  },
};
