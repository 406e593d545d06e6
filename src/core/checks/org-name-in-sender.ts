import { guessRegistrable } from '../identity/domain-parts.js';
import { compactFold, orgNameFromDomain } from '../identity/names.js';
import { foldedSkeleton } from '../identity/skeleton.js';
import { isInternalDomain } from '../org.js';
import { round2, type Check } from './check.js';

/** An organisation name shorter than this is matched only as whole words (`ibm` is inside too many strings). */
const MIN_COMPACT_FOR_SUBSTRING = 6;
const MIN_ORG_NAME = 3;
const MAX_OWN_DOMAINS = 20;

function nameUses(displayName: string, org: { name: string; compact: string }): boolean {
  const words = ` ${foldedSkeleton(displayName.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const orgWords = org.name.split(' ').filter(Boolean);
  // Every word of the organisation's name as a whole word, in any order ("Labs, Corvid"), or the compact form inside.
  if (orgWords.length > 0 && orgWords.every((w) => words.includes(` ${compactFold(w)} `))) return true;
  return org.compact.length >= MIN_COMPACT_FOR_SUBSTRING && compactFold(displayName).includes(org.compact);
}

function localUses(local: string, org: { compact: string }): boolean {
  if (org.compact.length >= MIN_COMPACT_FOR_SUBSTRING) return compactFold(local).includes(org.compact);
  return local.toLowerCase().split(/[^a-z0-9]+/).includes(org.compact);
}

export const orgNameInSender: Check = {
  id: 'ORG_NAME_IN_SENDER',
  description: "An outside sender uses the organisation's own name in its display name or address (\"Corvid Labs IT <helpdesk@...>\").",
  run({ message, who, org, facts }) {
    if (who.direction !== 'inbound' || !message.from || isInternalDomain(org, who.senderDomain)) return null;
    // A service the organisation really uses often sends "as" it (invoices, e-signature): its domain is well known here.
    if (facts.senderDomain.prevalence === 'common' || facts.solicited.byAddress) return null;
    for (const own of [...new Set(org.domains.slice(0, MAX_OWN_DOMAINS).map(guessRegistrable))]) {
      const orgName = orgNameFromDomain(own);
      if (orgName.compact.length < MIN_ORG_NAME) continue;
      const inName = nameUses(message.from.name, orgName);
      const inLocal = localUses(message.from.local, orgName);
      if (!inName && !inLocal) continue;
      return {
        id: this.id,
        strength: round2(facts.senderDomain.prevalence === 'new' ? 0.75 : 0.6),
        evidence: {
          orgName: orgName.name,
          ownDomain: own,
          displayName: message.from.name,
          sender: who.sender,
          inDisplayName: inName,
          inLocalPart: inLocal,
          senderDomainPrevalence: facts.senderDomain.prevalence,
        },
        summary: `an outside sender ${who.sender} uses our organisation's name "${orgName.name}" in its ${inName ? 'display name' : 'address'}`,
      };
    }
    return null;
  },
};
