import { ANY_VALUE, type ProfileKey } from '../../profile.js';
import { EmailKeys } from '../email-keys.js';
import type { ModelFeature } from '../feature.js';

/**
 * Who writes to whom, in both directions: an outbound email makes its recipient a known
 * correspondent of the sender and of the organisation ("solicited"). Also Reply-To habits and
 * each domain's authentication record.
 */
export const relationshipFeature: ModelFeature = {
  name: 'relationship',

  lookups({ who }) {
    const keys: ProfileKey[] = [EmailKeys.orgTotal('in'), EmailKeys.orgTotal('out')];
    if (who.sender) {
      keys.push(EmailKeys.addressIn(who.sender, ANY_VALUE), EmailKeys.addressOut(who.sender, ANY_VALUE));
      for (const recipient of who.recipients) {
        keys.push(EmailKeys.addressIn(who.sender, recipient), EmailKeys.addressOut(who.sender, recipient), EmailKeys.recipientIn(recipient));
      }
      for (const replyTo of who.replyTos) {
        keys.push(
          EmailKeys.replyTo(who.sender, replyTo.address),
          EmailKeys.addressIn(replyTo.address, ANY_VALUE),
          EmailKeys.addressOut(replyTo.address, ANY_VALUE),
        );
      }
    }
    if (who.senderDomain) {
      keys.push(
        EmailKeys.domainIn(who.senderDomain, ANY_VALUE),
        EmailKeys.domainOut(who.senderDomain, ANY_VALUE),
        EmailKeys.domainAuth(who.senderDomain, 'pass'),
        EmailKeys.domainAuth(who.senderDomain, 'fail'),
      );
    }
    return keys;
  },

  observations({ who, auth }) {
    const keys: ProfileKey[] = [];
    if (who.direction === 'outbound') {
      keys.push(EmailKeys.orgTotal('out'));
      for (const external of who.externalRecipients) {
        keys.push(EmailKeys.addressOut(external.address, who.sender), EmailKeys.domainOut(external.domain, who.sender));
      }
    } else {
      keys.push(EmailKeys.orgTotal('in'));
      for (const recipient of who.recipients) {
        keys.push(EmailKeys.recipientIn(recipient));
        if (who.sender) keys.push(EmailKeys.addressIn(who.sender, recipient));
        if (who.senderDomain) keys.push(EmailKeys.domainIn(who.senderDomain, recipient));
      }
      for (const replyTo of who.replyTos) if (who.sender) keys.push(EmailKeys.replyTo(who.sender, replyTo.address));
    }
    if (who.senderDomain) keys.push(EmailKeys.domainAuth(who.senderDomain, auth.standing));
    return keys;
  },
};
