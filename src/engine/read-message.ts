import type { Envelope, Message } from '../core/message.js';
import { authenticateMessage } from '../mail/auth.js';
import type { Resolver } from '../mail/dns.js';
import { parseMessage } from '../mail/parse.js';

export interface ReadOptions {
  readonly envelope?: Envelope | null;
  readonly orgDomains: readonly string[];
  readonly trustedAuthservIds: readonly string[];
  /** Null when offline or replaying stored mail: authentication then rests on trusted upstream headers. */
  readonly resolver: Resolver | null;
}

/** Raw bytes → the plain Message value core reads: parse, then authenticate. Never throws for bad mail. */
export async function readMessage(raw: Buffer, options: ReadOptions): Promise<Message> {
  const parsed = await parseMessage(raw, { envelope: options.envelope ?? null });
  const auth = await authenticateMessage({
    raw,
    headers: parsed.headers,
    envelope: parsed.envelope,
    orgDomains: options.orgDomains,
    trustedAuthservIds: options.trustedAuthservIds,
    resolver: options.resolver,
  });
  return { ...parsed, auth };
}
