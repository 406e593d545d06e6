import type { Message } from './message.js';

/**
 * What the email asks of its recipient, separate from how anomalous it is: the action planner
 * neutralises the part that carries the risk (a link, an attachment) and holds only when the
 * request itself is the threat (a payment, credentials).
 */
export type Ask = 'link' | 'attachment' | 'payment' | 'bank_details_change' | 'credentials' | 'reply' | 'callback' | 'gift_card';

export interface ThreatAssessment {
  readonly asks: readonly Ask[];
  /** One short clause per ask, from the content (e.g. "asks to update the bank account for invoice 4411"). */
  readonly evidence: Readonly<Partial<Record<Ask, string>>>;
}

/** The structural asks every email has; content checks add intents (payment, credentials...) on top. */
export function structuralThreat(message: Message): ThreatAssessment {
  const asks: Ask[] = [];
  const evidence: Partial<Record<Ask, string>> = {};
  if (message.links.length > 0) {
    asks.push('link');
    evidence.link = `${message.links.length} link${message.links.length === 1 ? '' : 's'}`;
  }
  if (message.attachments.length > 0) {
    asks.push('attachment');
    evidence.attachment = `${message.attachments.length} attachment${message.attachments.length === 1 ? '' : 's'}`;
  }
  return { asks, evidence };
}
