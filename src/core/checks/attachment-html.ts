import { attachmentTraitCheck } from './attachment-facts.js';

export const attachmentHtml = attachmentTraitCheck({
  id: 'ATTACHMENT_HTML',
  description: 'An HTML file is attached (a common carrier of fake sign-in pages).',
  has: (a) => a.html,
  habitDiscount: 0.7,
  summary: (n) => `attaches an HTML file (${n.join(', ')})`,
});
