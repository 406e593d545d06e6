import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const invoiceIntent: Check = {
  id: 'INVOICE',
  description: 'The email presents an invoice, renewal or order from a sender with little or no shared history.',
  run(context) {
    return intentSignal(context, this.id, 'invoice', 0.4, (p) => `presents an invoice or order (${quoted(p)}) from a sender with little history here`);
  },
};
