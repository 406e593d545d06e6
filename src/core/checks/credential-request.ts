import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const credentialRequest: Check = {
  id: 'CREDENTIAL_REQUEST',
  description: 'The email asks the reader to sign in, verify an account or deal with an expiring password.',
  run(context) {
    return intentSignal(context, this.id, 'credentials', 0.8, (p) => `asks the reader to sign in or verify an account (${quoted(p)})`);
  },
};
