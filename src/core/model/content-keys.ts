import { key, type ProfileKey } from '../profile.js';

/**
 * The content layer's vocabulary over the generic model (as `email-keys.ts` is for
 * relationships): bank accounts, link domains and attachment types, per sender, recipient,
 * sender domain and organisation. Learner and checks both build keys here.
 *
 * - address X / domain D 'bank' value T: X (or anyone at D) sent account token T (see accountToken).
 * - org 'linkDomain' value L / address X 'linkDomain' value L: mail (from X) linked to L.
 * - org / address X 'linkMsgs': messages with links, the depth behind "never seen".
 * - address X / recipient R / org 'attType' value M: attachments of sniffed type M.
 */
export const BANK_FEATURE = 'bank';

export const ContentKeys = {
  senderBank: (address: string, token: string): ProfileKey => key('address', address, BANK_FEATURE, token),
  domainBank: (domain: string, token: string): ProfileKey => key('domain', domain, BANK_FEATURE, token),
  orgLinkDomain: (domain: string): ProfileKey => key('org', '', 'linkDomain', domain),
  senderLinkDomain: (address: string, domain: string): ProfileKey => key('address', address, 'linkDomain', domain),
  orgLinkMessages: (): ProfileKey => key('org', '', 'linkMsgs'),
  senderLinkMessages: (address: string): ProfileKey => key('address', address, 'linkMsgs'),
  senderAttachmentType: (address: string, type: string): ProfileKey => key('address', address, 'attType', type),
  recipientAttachmentType: (recipient: string, type: string): ProfileKey => key('recipient', recipient, 'attType', type),
  orgAttachmentType: (type: string): ProfileKey => key('org', '', 'attType', type),
} as const;
