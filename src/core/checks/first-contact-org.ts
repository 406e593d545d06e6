import { confidenceFrom, round2, type Check } from './check.js';

/** After this many learned messages, "nobody here has seen this sender" is half-trusted. */
const ORG_BASELINE_HALF = 50;

export const firstContactOrg: Check = {
  id: 'FIRST_CONTACT_ORG',
  description: 'Nobody in the organisation has exchanged mail with this sender address before.',
  run({ who, facts }) {
    if (who.direction !== 'inbound' || !who.sender || facts.sender.prevalence !== 'new') return null;
    const strength = round2(confidenceFrom(facts.orgMessages, ORG_BASELINE_HALF));
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        senderDomain: who.senderDomain,
        domainPrevalence: facts.senderDomain.prevalence,
        domainPeopleWrittenTo: facts.senderDomain.peopleWrittenTo,
        orgMessagesLearned: facts.orgMessages,
      },
      summary:
        facts.senderDomain.prevalence === 'new'
          ? `nobody here has exchanged mail with ${who.sender} before`
          : `${who.sender} is new here, though others at ${who.senderDomain} have written to ${facts.senderDomain.peopleWrittenTo} of our people`,
    };
  },
};
