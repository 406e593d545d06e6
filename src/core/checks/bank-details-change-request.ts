import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const bankDetailsChangeRequest: Check = {
  id: 'BANK_DETAILS_CHANGE_REQUEST',
  description: 'The email says bank or payment details have changed, or asks to update them.',
  run(context) {
    // Kept at a floor even for familiar senders: a compromised vendor mailbox is how this fraud arrives.
    return intentSignal(context, this.id, 'bank_change', 0.9, (p) => `says payment details have changed (${quoted(p)})`, 0.3);
  },
};
