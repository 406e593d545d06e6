import { guessRegistrable, partsOf } from '../identity/domain-parts.js';
import { isPunycodeDomain } from '../identity/punycode.js';
import { resemblance, type Resemblance } from '../identity/resemblance.js';
import { isInternalDomain } from '../org.js';
import { round2, type Check } from './check.js';
import { lookalikeStrength, senderDomainIsEstablished } from './lookalike-strength.js';

/** The organisation's own domains compared per email (configuration, so few; capped all the same). */
const MAX_OWN_DOMAINS = 20;

export const lookalikeOwnDomain: Check = {
  id: 'LOOKALIKE_OWN_DOMAIN',
  description: "The sender domain imitates one of the organisation's own domains.",
  run({ who, org, facts }) {
    if (who.direction !== 'inbound' || !who.senderDomain || isInternalDomain(org, who.senderDomain)) return null;
    if (senderDomainIsEstablished(facts)) return null;
    const sender = partsOf(who.senderDomain);
    let best: { own: string; match: Resemblance } | null = null;
    for (const own of [...new Set(org.domains.slice(0, MAX_OWN_DOMAINS).map(guessRegistrable))]) {
      const match = resemblance(sender, own);
      if (match && (!best || lookalikeStrength(match) > lookalikeStrength(best.match))) best = { own, match };
    }
    if (!best) return null;
    return {
      id: this.id,
      strength: round2(lookalikeStrength(best.match)),
      evidence: {
        senderDomain: who.senderDomain,
        senderDomainUnicode: sender.domain,
        idn: isPunycodeDomain(who.senderDomain) || /[^\x00-\x7f]/.test(who.senderDomain),
        imitates: best.own,
        resemblance: best.match.kind,
        editDistance: best.match.distance,
        senderDomainMessages: facts.senderDomain.messagesIn + facts.senderDomain.messagesOut,
      },
      summary: `${sender.domain} imitates our own domain ${best.own} (${best.match.phrase})`,
    };
  },
};
