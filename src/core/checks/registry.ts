import { authFailureKnownDomain, authFailureUnknownDomain } from './auth-failure.js';
import type { Check } from './check.js';
import { firstContactOrg } from './first-contact-org.js';
import { firstContactRecipient } from './first-contact-recipient.js';
import { newSenderDomain } from './new-sender-domain.js';
import { replyToDivergence } from './reply-to-divergence.js';
import { returnPathDivergence } from './return-path-divergence.js';
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
import { paymentRequest } from './payment-request.js';
import { bankDetailsChangeRequest } from './bank-details-change-request.js';
import { credentialRequest } from './credential-request.js';
import { urgencySecrecy } from './urgency-secrecy.js';
import { giftCardRequest } from './gift-card-request.js';
import { extortion } from './extortion.js';
import { unsolicitedBulk } from './unsolicited-bulk.js';
import { callbackNumber } from './callback-number.js';
import { invoiceIntent } from './invoice-intent.js';
import { bankDetailsChanged } from './bank-details-changed.js';
import { bankDetailsNewSender } from './bank-details-new-sender.js';
import { linkTextMismatch } from './link-text-mismatch.js';
import { linkDomainNewToOrg } from './link-domain-new-to-org.js';
import { linkIpLiteral } from './link-ip-literal.js';
import { linkPunycode } from './link-punycode.js';
import { linkShortener } from './link-shortener.js';
import { loginLure } from './login-lure.js';
import { attachmentTypeRare } from './attachment-type-rare.js';
import { attachmentTypeMismatch } from './attachment-type-mismatch.js';
import { attachmentMacro } from './attachment-macro.js';
import { attachmentHtml } from './attachment-html.js';
import { attachmentEncryptedArchive } from './attachment-encrypted-archive.js';
import { attachmentExecutable } from './attachment-executable.js';
import { reportedByUsers } from './reported-by-users.js';
import { reportedSafe } from './reported-safe.js';

/** Every check, in a fixed order so verdicts are deterministic. */
export const ALL_CHECKS: readonly Check[] = [
  firstContactRecipient,
  firstContactOrg,
  newSenderDomain,
  solicited,
  replyToDivergence,
  returnPathDivergence,
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
  paymentRequest,
  bankDetailsChangeRequest,
  credentialRequest,
  urgencySecrecy,
  giftCardRequest,
  extortion,
  unsolicitedBulk,
  callbackNumber,
  invoiceIntent,
  bankDetailsChanged,
  bankDetailsNewSender,
  linkTextMismatch,
  linkDomainNewToOrg,
  linkIpLiteral,
  linkPunycode,
  linkShortener,
  loginLure,
  attachmentTypeRare,
  attachmentTypeMismatch,
  attachmentMacro,
  attachmentHtml,
  attachmentEncryptedArchive,
  attachmentExecutable,
  reportedByUsers,
  reportedSafe,
];
