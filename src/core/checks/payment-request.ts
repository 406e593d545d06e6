import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const paymentRequest: Check = {
  id: 'PAYMENT_REQUEST',
  description: 'The email asks for a payment or transfer, from a sender with little or no shared history.',
  run(context) {
    return intentSignal(context, this.id, 'payment', 0.8, (p) => `asks for a payment (${quoted(p)}) from a sender with little history here`);
  },
};
