import type { Check } from './check.js';
import { intentSignal, quoted } from './intent-strength.js';

export const giftCardRequest: Check = {
  id: 'GIFT_CARD_REQUEST',
  description: 'The email talks about buying gift cards, the classic untraceable-payment scam.',
  run(context) {
    return intentSignal(context, this.id, 'gift_card', 0.9, (p) => `mentions gift cards (${quoted(p)})`);
  },
};
