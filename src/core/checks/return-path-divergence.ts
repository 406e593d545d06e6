import { returnPathDomainOf, ReturnPathKeys } from '../model/features/return-path.js';
import { isInternalDomain } from '../org.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** Messages with a Return-Path seen for this sender before its habit is half-trusted. */
const HABIT_HALF = 5;

export const returnPathDivergence: Check = {
  id: 'RETURN_PATH_DIVERGENCE',
  description: "The envelope sender (Return-Path) is on a domain this sender's mail has never used, unlike its usual bounce domain.",
  run(context) {
    const { who, view, org } = context;
    const domain = returnPathDomainOf(context);
    if (who.direction !== 'inbound' || !who.sender || !domain || domain === who.senderDomain || isInternalDomain(org, domain)) return null;
    if (view.count(ReturnPathKeys.used(who.sender, domain)) > 0) return null;
    const history = view.get(ReturnPathKeys.any(who.sender));
    // No history: nothing to diverge from (first contact is reported by its own checks).
    if (!history || history.count === 0) return null;
    const strength = round2(confidenceFrom(history.count, HABIT_HALF));
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        returnPathDomain: domain,
        usualReturnPathDomains: history.distinct ?? 1,
        messagesWithReturnPath: history.count,
      },
      summary: `it was sent with the bounce address domain ${domain}, which ${who.sender} has not used in ${history.count} earlier emails`,
    };
  },
};
