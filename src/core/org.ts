import { recipientsOf, type Message } from './message.js';

/** What the engine knows about the organisation it protects. */
export interface Org {
  /** The organisation's own mail domains, lower-case; subdomains count as internal. */
  readonly domains: readonly string[];
  /** Configured named groups (e.g. `executives`): name → member addresses. Learned groups add to these. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /** Configured VIP addresses; when absent, VIPs are learned from the mail graph. */
  readonly vips?: readonly string[];
}

export type Direction = 'inbound' | 'outbound' | 'internal';

export function isInternalDomain(org: Org, domain: string | null | undefined): boolean {
  if (!domain) return false;
  const d = domain.toLowerCase();
  return org.domains.some((own) => d === own || d.endsWith(`.${own}`));
}

export function isInternalAddress(org: Org, address: string | null | undefined): boolean {
  if (!address) return false;
  const at = address.lastIndexOf('@');
  return at >= 0 && isInternalDomain(org, address.slice(at + 1));
}

/**
 * Which way the mail flows, judged by the From domain. An attacker can forge From, which is why
 * authentication failure on an internal domain is its own strong signal rather than a direction.
 */
export function directionOf(message: Message, org: Org): Direction {
  const fromInternal = isInternalAddress(org, message.from?.address);
  if (!fromInternal) return 'inbound';
  const recipients = recipientsOf(message);
  return recipients.length > 0 && recipients.every((r) => isInternalAddress(org, r)) ? 'internal' : 'outbound';
}

/** The organisation's people this message was addressed to; all recipients when none is internal (e.g. a journal copy). */
export function internalRecipients(message: Message, org: Org): string[] {
  const all = recipientsOf(message);
  const internal = all.filter((r) => isInternalAddress(org, r));
  return internal.length > 0 ? internal : all;
}

export function externalRecipients(message: Message, org: Org): string[] {
  return recipientsOf(message).filter((r) => !isInternalAddress(org, r));
}
