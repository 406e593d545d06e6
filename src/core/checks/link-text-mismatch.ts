import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf } from './link-facts.js';

/** This sender's messages linking to the href domain after which a mismatch is half-explained (tracking redirects). */
const HABIT_HALF = 3;
const MIN_STRENGTH = 0.2;

export const linkTextMismatch: Check = {
  id: 'LINK_TEXT_MISMATCH',
  description: "A link's visible text names one domain while it leads to another.",
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const mismatched = linkFactsOf(context).filter((f) => f.traits.textNamesOtherDomain);
    if (mismatched.length === 0) return null;
    // A newsletter's tracking redirect: the org has seen this sender link to that domain many times.
    const worst = mismatched.reduce((a, b) => (b.senderCount < a.senderCount ? b : a));
    const strength = round2(1 - confidenceFrom(worst.senderCount, HABIT_HALF));
    if (strength < MIN_STRENGTH) return null;
    return {
      id: this.id,
      strength,
      evidence: {
        shownDomain: worst.link.textDomain,
        actualDomain: worst.domain,
        mismatchedLinks: mismatched.length,
        actualDomains: firstDistinct(mismatched.map((m) => m.domain)),
        timesSenderLinkedActualDomain: worst.senderCount,
      },
      summary: `a link shows ${worst.link.textDomain} but leads to ${worst.domain}`,
    };
  },
};
