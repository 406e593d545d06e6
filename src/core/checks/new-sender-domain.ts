import { isInternalDomain } from '../org.js';
import { confidenceFrom, round2, type Check } from './check.js';

const ORG_BASELINE_HALF = 50;

export const newSenderDomain: Check = {
  id: 'NEW_SENDER_DOMAIN',
  description: "The sender's domain has never appeared in the organisation's mail, in either direction.",
  run({ who, facts, org }) {
    if (who.direction !== 'inbound' || !who.senderDomain || isInternalDomain(org, who.senderDomain)) return null;
    if (facts.senderDomain.prevalence !== 'new') return null;
    const strength = round2(confidenceFrom(facts.orgMessages, ORG_BASELINE_HALF));
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: { senderDomain: who.senderDomain, orgMessagesLearned: facts.orgMessages },
      summary: `the domain ${who.senderDomain} has never appeared in ${facts.orgMessages} emails learned here`,
    };
  },
};
