import { intentsOf } from '../content/intent.js';
import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf, orgLinkMessages } from './link-facts.js';

/** Link text that invites signing in. */
const LOGIN_TEXT = /\b(?:sign ?in|log ?in|verify|validate|confirm|password|reset|unlock|account|anmelden|connexion|iniciar sesi[oó]n)\b/i;
const LINK_BASELINE_HALF = 20;
/** Messages linking to a domain below which the organisation barely knows it. */
const RARE_FOR_ORG = 3;

export const loginLure: Check = {
  id: 'LOGIN_LURE',
  description: 'The email asks the reader to sign in or verify an account and links to a domain new (or nearly new) to the organisation.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const credentialWords = intentsOf(context.message).credentials ?? [];
    // "Rare", not only "never seen": a campaign's second wave links to the domain its first wave taught us.
    const lures = linkFactsOf(context).filter((f) => f.orgCount < RARE_FOR_ORG && (credentialWords.length > 0 || LOGIN_TEXT.test(f.link.text)));
    if (lures.length === 0) return null;
    const history = orgLinkMessages(context);
    const rarest = Math.min(...lures.map((l) => l.orgCount));
    // With no link history we cannot call a domain new; the words alone are CREDENTIAL_REQUEST's to report.
    const strength = round2(confidenceFrom(history, LINK_BASELINE_HALF) * (1 - rarest / RARE_FOR_ORG));
    if (strength === 0) return null;
    const first = lures.find((l) => l.orgCount === rarest)!;
    return {
      id: this.id,
      strength,
      evidence: {
        domains: firstDistinct(lures.map((l) => l.domain)),
        linkText: first.link.text.slice(0, 60),
        phrases: credentialWords,
        orgMessagesWithLinks: history,
        timesOrgLinkedIt: rarest,
      },
      summary: `asks the reader to sign in through ${first.domain}, a domain ${rarest === 0 ? 'never seen' : `seen only ${rarest === 1 ? 'once' : `${rarest} times`}`} in mail here`,
    };
  },
};
