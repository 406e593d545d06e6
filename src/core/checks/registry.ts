import { authFailureKnownDomain, authFailureUnknownDomain } from './auth-failure.js';
import type { Check } from './check.js';
import { firstContactOrg } from './first-contact-org.js';
import { firstContactRecipient } from './first-contact-recipient.js';
import { newSenderDomain } from './new-sender-domain.js';
import { replyToDivergence } from './reply-to-divergence.js';
import { solicited } from './solicited.js';

/** Every check, in a fixed order so verdicts are deterministic. */
export const ALL_CHECKS: readonly Check[] = [
  firstContactRecipient,
  firstContactOrg,
  newSenderDomain,
  solicited,
  replyToDivergence,
  authFailureKnownDomain,
  authFailureUnknownDomain,
];
