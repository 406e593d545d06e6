import { attachmentTraitCheck } from './attachment-facts.js';

export const attachmentMacro = attachmentTraitCheck({
  id: 'ATTACHMENT_MACRO',
  description: 'An attached document carries VBA macros.',
  has: (a) => a.macro,
  habitDiscount: 0.6,
  summary: (n) => `attaches a document with macros (${n.join(', ')})`,
});
