import { attachmentTraitCheck } from './attachment-facts.js';

export const attachmentEncryptedArchive = attachmentTraitCheck({
  id: 'ATTACHMENT_ENCRYPTED_ARCHIVE',
  description: 'An attached archive is password-protected, so its content cannot be inspected.',
  has: (a) => a.encrypted,
  habitDiscount: 0.6,
  summary: (n) => `attaches a password-protected archive (${n.join(', ')})`,
});
