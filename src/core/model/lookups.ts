import { ANY_VALUE, type ProfileKey } from '../profile.js';
import type { Correspondents } from './correspondents.js';
import { EmailKeys } from './email-keys.js';

/**
 * Every counter the checks may read for one email, so the store can fetch them in one batch
 * (bounded: a few keys per recipient, recipients capped).
 */
export function lookupsFor(who: Correspondents): ProfileKey[] {
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
}
