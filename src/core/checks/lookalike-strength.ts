import { ESTABLISHED_MIN_MESSAGES, ESTABLISHED_MIN_WEIGHT } from '../identity/established.js';
import type { Resemblance } from '../identity/resemblance.js';
import type { EmailFacts } from '../model/facts.js';

/**
 * How telling each kind of resemblance is, shared by the two lookalike checks. Characters that
 * read the same, or one changed character, are deliberate and rarely legitimate. Real
 * organisations do own other TLDs, hyphenated spellings and word-added domains (in the shared
 * mailing-list corpus: suse.cz beside suse.de, linux-foundation.org beside linuxfoundation.org),
 * so those kinds weigh less.
 */
export function lookalikeStrength(match: Resemblance): number {
  switch (match.kind) {
    case 'homoglyph':
      return 0.95;
    case 'edit-distance':
      return match.distance <= 1 ? 0.9 : 0.75;
    case 'added-hyphen':
      return 0.7;
    case 'tld-swap':
      return 0.65;
    case 'added-word':
      return 0.6;
  }
}

/**
 * The sender's own domain has a real history here, by the same measure as the imitated one
 * (e.g. a vendor's second domain): not a lookalike to flag. A single reply to a lookalike does
 * not make it established, so a thread an attacker got a reply on stays flagged.
 */
export function senderDomainIsEstablished(facts: EmailFacts): boolean {
  const d = facts.senderDomain;
  return d.weight >= ESTABLISHED_MIN_WEIGHT && d.messagesIn + d.messagesOut >= ESTABLISHED_MIN_MESSAGES;
}
