import type { Check } from './check.js';

export const solicited: Check = {
  id: 'SOLICITED',
  description: 'Someone in the organisation wrote to this sender (or its domain) before: the contact was invited.',
  run({ who, facts }) {
    if (who.direction !== 'inbound') return null;
    const { byAddress, byDomain } = facts.solicited;
    if (!byAddress && !byDomain) return null;
    return {
      id: this.id,
      strength: byAddress ? 1 : 0.5,
      evidence: {
        sender: who.sender,
        senderDomain: who.senderDomain,
        messagesToSender: facts.sender.messagesOut,
        peopleWhoWroteToSender: facts.sender.peopleWhoWrote,
        messagesToDomain: facts.senderDomain.messagesOut,
      },
      summary: byAddress
        ? `${facts.sender.peopleWhoWrote === 1 ? 'someone' : `${facts.sender.peopleWhoWrote} people`} here ${facts.sender.peopleWhoWrote === 1 ? 'has' : 'have'} written to ${who.sender} before`
        : `people here have written to ${who.senderDomain} before`,
    };
  },
};
