import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const extortion: Check = {
  id: 'EXTORTION',
  description: 'The email threatens the reader (a hacked device, a compromising recording) and demands payment, usually in cryptocurrency.',
  run(context) {
    // Blackmail is blackmail from anyone: a floor keeps it from fading for a familiar (hijacked) sender.
    return intentSignal(context, this.id, 'extortion', 0.95, (p) => `threatens the reader and demands payment (${quoted(p)})`, 0.6);
  },
};
