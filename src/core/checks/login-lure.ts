import { INTENT_SCAN_CHARS, intentsOf } from '../content/intent.js';
import { confidenceFrom, round2, type Check } from './check.js';
import { firstDistinct, linkFactsOf, orgLinkMessages, type LinkFacts } from './link-facts.js';

/** Link text that invites signing in. */
const LOGIN_TEXT = /\b(?:sign ?in|log ?in|verify|validate|confirm|password|reset|unlock|account|anmelden|connexion|iniciar sesi[oó]n)\b/i;
/** A sign-in page in the link itself (`/auth/login`, `/signin`, `/owa/`...). */
const LOGIN_PATH = /^[a-z]+:\/\/[^/?#]+\/(?:[^?#]*\/)?(?:log-?in|sign-?in|auth|verify|password|sso|oauth2?|owa|wp-login\.php)(?:[/?#.]|$)/i;
/** The file-share lure: a "document shared with you" whose viewer asks for a password. */
const DOCUMENT_LURE = /\b(?:shared (?:a |an )?(?:secure |new )?(?:document|file|folder)s?|files? shared with you|(?:review|view|open|access) (?:the )?(?:secure )?(?:document|file)s?|review and sign|sign the document)\b/i;
const LINK_BASELINE_HALF = 20;
/** Messages linking to a domain below which the organisation barely knows it. */
const RARE_FOR_ORG = 3;

export const loginLure: Check = {
  id: 'LOGIN_LURE',
  description: 'The email invites the reader to sign in, verify an account or open a shared document, and links to a domain new (or nearly new) to the organisation.',
  run(context) {
    if (context.who.direction === 'outbound') return null;
    const credentialWords = intentsOf(context.message).credentials ?? [];
    const documentLure = DOCUMENT_LURE.exec(`${context.message.subject}\n${context.message.text.slice(0, INTENT_SCAN_CHARS)}`)?.[0] ?? null;
    const invites = (f: LinkFacts) => credentialWords.length > 0 || documentLure !== null || LOGIN_TEXT.test(f.link.text) || DOCUMENT_LURE.test(f.link.text) || LOGIN_PATH.test(f.link.href);
    // "Rare", not only "never seen": a campaign's second wave links to the domain its first wave taught us.
    const lures = linkFactsOf(context).filter((f) => f.orgCount < RARE_FOR_ORG && invites(f));
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
        phrases: documentLure ? [...credentialWords, documentLure.toLowerCase()] : credentialWords,
        loginPage: LOGIN_PATH.test(first.link.href),
        orgMessagesWithLinks: history,
        timesOrgLinkedIt: rarest,
      },
      summary: `asks the reader to sign in through ${first.domain}, a domain ${rarest === 0 ? 'never seen' : `seen only ${rarest === 1 ? 'once' : `${rarest} times`}`} in mail here`,
    };
  },
};
