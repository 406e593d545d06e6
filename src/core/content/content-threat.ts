import type { Message } from '../message.js';
import type { Ask, ThreatAssessment } from '../threat.js';
import { intentsOf, type Intent } from './intent.js';

/** Which intents amount to which ask, in the order asks are listed. */
const ASKS: ReadonlyArray<readonly [Ask, Intent, string]> = [
  ['payment', 'payment', 'asks for a payment'],
  ['bank_details_change', 'bank_change', 'asks to change bank details'],
  ['credentials', 'credentials', 'asks to sign in or verify an account'],
  ['callback', 'callback', 'asks the reader to phone a number'],
  ['gift_card', 'gift_card', 'asks about gift cards'],
  ['reply', 'reply', 'asks for a reply'],
  // Extortion demands money: the planner treats it as the payment ask it is.
  ['payment', 'extortion', 'demands a payment under threat'],
];

/**
 * What the email's words ask for (payment, bank-detail change, credentials, callback, gift
 * cards, a reply), whoever sent it: the planner needs the ask even from a familiar sender,
 * while the content checks judge how unusual it is.
 */
export function contentThreat(message: Message): ThreatAssessment {
  const intents = intentsOf(message);
  const asks: Ask[] = [];
  const evidence: Partial<Record<Ask, string>> = {};
  for (const [ask, intent, clause] of ASKS) {
    const phrases = intents[intent];
    if (!phrases || evidence[ask]) continue;
    asks.push(ask);
    evidence[ask] = `${clause}: ${phrases.map((p) => `"${p}"`).join(', ')}`;
  }
  // An invoice is a payment ask even without the words "please pay".
  if (!evidence.payment && intents.invoice) {
    asks.push('payment');
    evidence.payment = `presents an invoice: ${intents.invoice.map((p) => `"${p}"`).join(', ')}`;
  }
  return { asks, evidence };
}

/** Both assessments in one, each ask once (structural first), first evidence kept. */
export function combineThreats(...parts: readonly ThreatAssessment[]): ThreatAssessment {
  const asks: Ask[] = [];
  const evidence: Partial<Record<Ask, string>> = {};
  for (const part of parts) {
    for (const ask of part.asks) {
      if (asks.includes(ask)) continue;
      asks.push(ask);
      const e = part.evidence[ask];
      if (e !== undefined) evidence[ask] = e;
    }
  }
  return { asks, evidence };
}
