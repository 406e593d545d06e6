import { isInternalDomain } from '../org.js';
import type { Check } from './check.js';

/** A Reply-To this sender has used before is a habit (mailing tools do this), not a diversion. */
const HABITUAL_FACTOR = 0.25;
/** A Reply-To our people already correspond with is less likely to be a drop box. */
const KNOWN_TARGET_FACTOR = 0.5;
/**
 * Another address at the sender's own domain is usually a role mailbox (noreply@ → support@),
 * but on a shared domain (free mail) it is the classic drop box: report it, weaker.
 */
const SAME_DOMAIN_STRENGTH = 0.4;

export const replyToDivergence: Check = {
  id: 'REPLY_TO_DIVERGENCE',
  description: 'Replies would go to another address than the sender, one this sender has not used before.',
  run({ who, facts, org }) {
    if (who.direction !== 'inbound' || !who.sender) return null;
    const external = facts.replyTos.filter((r) => !isInternalDomain(org, r.domain));
    const first = external.find((r) => r.domain !== who.senderDomain) ?? external[0];
    if (!first) return null;
    const sameDomain = first.domain === who.senderDomain;
    let strength = sameDomain ? SAME_DOMAIN_STRENGTH : 1;
    if (first.usedBySender > 0) strength *= HABITUAL_FACTOR;
    if (first.history.prevalence === 'common') strength *= KNOWN_TARGET_FACTOR;
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        senderDomain: who.senderDomain,
        replyTo: first.address,
        replyToDomain: first.domain,
        sameDomain,
        replyToUsedBySenderBefore: first.usedBySender,
        replyToPrevalence: first.history.prevalence,
        messagesToReplyTo: first.history.messagesOut,
      },
      summary:
        first.usedBySender > 0
          ? `replies go to ${first.address}, which ${who.sender} has used ${first.usedBySender} times before`
          : sameDomain
            ? `replies would go to ${first.address}, not to the sender ${who.sender}`
            : `replies would go to ${first.address} at ${first.domain}, not to the sender's domain ${who.senderDomain}`,
    };
  },
};
