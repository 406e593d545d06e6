import type { Message } from '../message.js';
import { directionOf, externalRecipients, internalRecipients, type Direction, type Org } from '../org.js';

/**
 * Recipients beyond this many are not learned or looked up one by one: a message to 5,000
 * people must not cost 5,000 counter reads. The distribution itself is still visible in counts.
 */
export const MAX_RECIPIENTS_PROFILED = 50;

/** Who is on each side of one email, as the model sees it. */
export interface Correspondents {
  readonly direction: Direction;
  /** The From address (lower-case), or '' when the message has none. */
  readonly sender: string;
  /** Registrable domain of the sender (falls back to the full domain), or ''. */
  readonly senderDomain: string;
  /** Our people on the receiving side (inbound/internal), capped. */
  readonly recipients: readonly string[];
  /** Outside parties our sender wrote to (outbound), capped. */
  readonly externalRecipients: ReadonlyArray<{ readonly address: string; readonly domain: string }>;
  /** Reply-To addresses that are not the sender itself. */
  readonly replyTos: ReadonlyArray<{ readonly address: string; readonly domain: string }>;
}

export function domainKeyOf(address: { domain: string; registrableDomain: string | null } | null | undefined): string {
  if (!address) return '';
  return address.registrableDomain ?? address.domain;
}

function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** Registrable domain of a recipient, from the parsed headers when it is there (envelope-only recipients fall back to their domain). */
function recipientDomain(message: Message, address: string): string {
  const parsed = [...message.to, ...message.cc].find((a) => a.address === address);
  return parsed ? domainKeyOf(parsed) : domainOfAddress(address);
}

export function correspondentsOf(message: Message, org: Org): Correspondents {
  const direction = directionOf(message, org);
  const sender = message.from?.address ?? '';
  return {
    direction,
    sender,
    senderDomain: domainKeyOf(message.from),
    recipients: direction === 'outbound' ? [] : internalRecipients(message, org).slice(0, MAX_RECIPIENTS_PROFILED),
    externalRecipients:
      direction === 'outbound'
        ? externalRecipients(message, org)
            .slice(0, MAX_RECIPIENTS_PROFILED)
            .map((address) => ({ address, domain: recipientDomain(message, address) }))
        : [],
    replyTos: message.replyTo
      .filter((r) => r.address && r.address !== sender)
      .slice(0, 5)
      .map((r) => ({ address: r.address, domain: domainKeyOf(r) })),
  };
}
