import { domainKeyOf } from '../correspondents.js';
import { ANY_VALUE, key, type ProfileKey } from '../../profile.js';
import type { FeatureInput, ModelFeature } from '../feature.js';

/**
 * The bounce domain a sender's mail uses (envelope MAIL FROM, else the Return-Path header).
 * Many senders legitimately bounce through a mailing service's domain; what matters is whether
 * this sender's mail has always done so.
 */
export function returnPathDomainOf({ message }: FeatureInput): string | null {
  const mailFrom = message.envelope?.mailFrom;
  if (mailFrom && mailFrom.includes('@')) return mailFrom.slice(mailFrom.lastIndexOf('@') + 1).toLowerCase();
  return message.returnPath ? domainKeyOf(message.returnPath) || null : null;
}

export const ReturnPathKeys = {
  /** ('address', sender, 'returnPath', domain): the bounce domains this sender's mail used. */
  used: (sender: string, domain: string): ProfileKey => key('address', sender, 'returnPath', domain),
  any: (sender: string): ProfileKey => key('address', sender, 'returnPath', ANY_VALUE),
};

export const returnPathFeature: ModelFeature = {
  name: 'return-path',
  lookups(input) {
    const domain = returnPathDomainOf(input);
    if (!input.who.sender || !domain || input.who.direction === 'outbound') return [];
    return [ReturnPathKeys.used(input.who.sender, domain), ReturnPathKeys.any(input.who.sender)];
  },
  observations(input) {
    const domain = returnPathDomainOf(input);
    if (!input.who.sender || !domain || input.who.direction === 'outbound') return [];
    return [ReturnPathKeys.used(input.who.sender, domain)];
  },
};
