import { partsOf, queryKeysFor } from '../identity/domain-parts.js';
import { historyEvidence, isEstablished } from '../identity/established.js';
import { isPunycodeDomain } from '../identity/punycode.js';
import { resemblance, type Resemblance } from '../identity/resemblance.js';
import { MAX_LOOKALIKE_QUERIES } from '../model/features/domain-index.js';
import { IdentityKeys } from '../model/identity-keys.js';
import { isInternalDomain } from '../org.js';
import type { Counter } from '../profile.js';
import { plural } from '../text.js';
import { round2, type Check } from './check.js';
import { lookalikeStrength, senderDomainIsEstablished } from './lookalike-strength.js';
import { isFreeMail } from '../identity/free-mail.js';

interface Candidate {
  readonly domain: string;
  readonly counter: Counter;
  readonly match: Resemblance;
}

export const lookalikeDomain: Check = {
  id: 'LOOKALIKE_DOMAIN',
  description:
    'The sender domain imitates a domain the organisation has an established relationship with (look-alike characters, one or two characters changed, another TLD, an added word or hyphen).',
  run({ who, org, view, facts, now }) {
    if (who.direction !== 'inbound' || !who.senderDomain || isInternalDomain(org, who.senderDomain)) return null;
    if (senderDomainIsEstablished(facts)) return null;
    // A big free-mail provider's own country domain (yahoo.co.uk beside yahoo.com) imitates nobody.
    if (isFreeMail(who.senderDomain)) return null;
    const sender = partsOf(who.senderDomain);
    const seen = new Set<string>([who.senderDomain]);
    let best: Candidate | null = null;
    for (const indexKey of queryKeysFor(sender, MAX_LOOKALIKE_QUERIES)) {
      for (const { value: domain, counter } of view.values(IdentityKeys.domainIndexQuery(indexKey, 0))) {
        if (seen.has(domain)) continue;
        seen.add(domain);
        if (isInternalDomain(org, domain) || !isEstablished(counter, now)) continue;
        const match = resemblance(sender, domain);
        if (!match) continue;
        const candidate = { domain, counter, match };
        if (!best || lookalikeStrength(match) > lookalikeStrength(best.match) || (lookalikeStrength(match) === lookalikeStrength(best.match) && counter.count > best.counter.count)) {
          best = candidate;
        }
      }
    }
    if (!best) return null;
    const history = historyEvidence(best.counter, now);
    const strength = round2(lookalikeStrength(best.match) * (facts.senderDomain.prevalence === 'new' ? 1 : 0.85));
    return {
      id: this.id,
      strength,
      evidence: {
        senderDomain: who.senderDomain,
        senderDomainUnicode: sender.domain,
        idn: isPunycodeDomain(who.senderDomain) || /[^\x00-\x7f]/.test(who.senderDomain),
        imitates: best.domain,
        resemblance: best.match.kind,
        editDistance: best.match.distance,
        imitatedMessages: history.messages,
        imitatedDaysKnown: history.daysKnown,
        imitatedLastSeenDaysAgo: history.lastSeenDaysAgo,
        imitatedWeight: history.weight,
        senderDomainMessages: facts.senderDomain.messagesIn + facts.senderDomain.messagesOut,
      },
      summary: `${sender.domain} imitates ${best.domain} (${best.match.phrase}), a domain known here for ${plural(history.daysKnown, 'day')} over ${plural(history.messages, 'message')}`,
    };
  },
};
