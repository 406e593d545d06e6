import type { AuthStanding } from '../auth-standing.js';
import type { Observation, ProfileKey } from '../profile.js';
import type { Correspondents } from './correspondents.js';
import { EmailKeys } from './email-keys.js';

/**
 * What one email teaches the model. Both directions count: an outbound email makes its
 * recipient a known correspondent of the sender and of the organisation ("solicited").
 */
export function observationsOf(who: Correspondents, standing: AuthStanding, at: number): Observation[] {
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
  if (who.senderDomain) keys.push(EmailKeys.domainAuth(who.senderDomain, standing));
  return keys.map((k) => ({ key: k, at }));
}
