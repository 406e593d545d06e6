import { authFailureKnownDomain, authFailureUnknownDomain } from './auth-failure.js';
import type { Check } from './check.js';
import { firstContactOrg } from './first-contact-org.js';
import { firstContactRecipient } from './first-contact-recipient.js';
import { newSenderDomain } from './new-sender-domain.js';
import { replyToDivergence } from './reply-to-divergence.js';
import { solicited } from './solicited.js';
import { lookalikeDomain } from './lookalike-domain.js';
import { lookalikeOwnDomain } from './lookalike-own-domain.js';
import { displayNameImpersonation } from './display-name-impersonation.js';
import { confusableCharacters } from './confusable-characters.js';
import { orgNameInSender } from './org-name-in-sender.js';
import { knownSenderNewGroup } from './known-sender-new-group.js';
import { dormantSender } from './dormant-sender.js';
import { volumeSpike } from './volume-spike.js';
import { wideDistribution } from './wide-distribution.js';
import { newInfrastructure } from './new-infrastructure.js';
import { unusualHour } from './unusual-hour.js';
import { fakeReply } from './fake-reply.js';
import { outOfCharacter } from './out-of-character.js';

/** Every check, in a fixed order so verdicts are deterministic. */
export const ALL_CHECKS: readonly Check[] = [
  firstContactRecipient,
  firstContactOrg,
  newSenderDomain,
  solicited,
  replyToDivergence,
  authFailureKnownDomain,
  authFailureUnknownDomain,
  lookalikeDomain,
  lookalikeOwnDomain,
  displayNameImpersonation,
  confusableCharacters,
  orgNameInSender,
  knownSenderNewGroup,
  dormantSender,
  volumeSpike,
  wideDistribution,
  newInfrastructure,
  unusualHour,
  fakeReply,
  outOfCharacter,
];
