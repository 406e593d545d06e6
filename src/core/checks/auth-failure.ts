import { isInternalDomain } from '../org.js';
import { listPhrase } from '../text.js';
import { confidenceFrom, round2, type Check, type CheckContext } from './check.js';

/** Passes seen before a failure: the more a domain proved itself, the more a failure means spoofing. */
const PASS_HISTORY_HALF = 3;
/**
 * A domain whose DMARC policy is none (or absent) has not promised that all its mail
 * authenticates, so a failure there is weaker evidence than under quarantine/reject.
 */
const UNENFORCED_POLICY_FACTOR = 0.6;

function enforced(context: CheckContext): boolean {
  const policy = context.message.auth.dmarc.policy?.toLowerCase() ?? '';
  return policy === 'reject' || policy === 'quarantine';
}

/** A domain that often failed before and was still delivered fails by habit (e.g. a list or forwarder), not by spoofing. */
function habitualFailureFactor(context: CheckContext): number {
  const { authPasses, authFailures } = context.facts.senderDomain;
  return 1 - authFailures / (authPasses + authFailures + 1);
}

function knownDomain({ who, facts, org }: CheckContext): boolean {
  return isInternalDomain(org, who.senderDomain) || facts.senderDomain.authPasses > 0 || facts.senderDomain.prevalence === 'common';
}

function evidenceOf({ who, facts, auth, org, message }: CheckContext) {
  return {
    dmarcPolicy: message.auth.dmarc.policy,
    senderDomain: who.senderDomain,
    failed: auth.failed,
    resultSource: auth.source,
    ownDomain: isInternalDomain(org, who.senderDomain),
    passesBefore: facts.senderDomain.authPasses,
    failuresBefore: facts.senderDomain.authFailures,
    domainMessages: facts.senderDomain.messagesIn + facts.senderDomain.messagesOut,
  };
}

export const authFailureKnownDomain: Check = {
  id: 'AUTH_FAIL_KNOWN_DOMAIN',
  description: 'The email failed SPF/DKIM/DMARC for a domain the organisation knows (or owns): likely spoofed.',
  run(context) {
    if (context.auth.standing !== 'fail' || !context.who.senderDomain || !knownDomain(context)) return null;
    const { facts, who, auth, org } = context;
    const own = isInternalDomain(org, who.senderDomain);
    const strength = own
      ? 1
      : round2(
          Math.max(0.6, confidenceFrom(facts.senderDomain.authPasses, PASS_HISTORY_HALF)) *
            (enforced(context) ? 1 : UNENFORCED_POLICY_FACTOR) *
            habitualFailureFactor(context),
        );
    return {
      id: this.id,
      strength,
      evidence: evidenceOf(context),
      summary: own
        ? `it claims to come from our own domain ${who.senderDomain} but failed ${listPhrase(auth.failed)}`
        : `it failed ${listPhrase(auth.failed)} for ${who.senderDomain}, whose mail passed ${facts.senderDomain.authPasses} times before`,
    };
  },
};

export const authFailureUnknownDomain: Check = {
  id: 'AUTH_FAIL_UNKNOWN_DOMAIN',
  description: 'The email failed SPF/DKIM/DMARC for a domain the organisation has no history with.',
  run(context) {
    if (context.auth.standing !== 'fail' || !context.who.senderDomain || knownDomain(context)) return null;
    return {
      id: this.id,
      strength: 1,
      evidence: evidenceOf(context),
      summary: `it failed ${listPhrase(context.auth.failed)} for ${context.who.senderDomain}`,
    };
  },
};
