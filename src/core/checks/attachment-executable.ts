import { attachmentTraitCheck } from './attachment-facts.js';

export const attachmentExecutable = attachmentTraitCheck({
  id: 'ATTACHMENT_EXECUTABLE',
  description: 'An attachment is, or contains, a program or script (PE, ELF, .js, .vbs, .ps1, .lnk, disk image...).',
  has: (a) => a.executable,
  habitDiscount: 0.4,
  summary: (n) => `attaches a program or script (${n.join(', ')})`,
});
