/**
 * SPF/DKIM/DMARC/ARC for one message, choosing the evidence as DESIGN.md ("Authentication when
 * belong is not the first hop") says: verify ourselves when we saw the SMTP connection and may
 * ask DNS; otherwise trust the organisation's own upstream verdict; otherwise admit we do not
 * know. Never throws: authentication is evidence, not a gate.
 */
import type { AuthResults, Envelope } from '../core/message.js';
import { mailauthAuthenticate } from './auth-mailauth.js';
import { UNKNOWN_AUTH } from './auth-outcome.js';
import { learntNothing, mapMailauthResult } from './auth-own.js';
import { trustedUpstreamResults } from './authentication-results.js';
import { isTransientDnsError, type Resolver } from './dns.js';

export interface AuthenticateInput {
  readonly raw: Buffer;
  /** Header fields in message order, names lower-cased (as in `Message.headers`). */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly envelope: Envelope | null;
  readonly orgDomains: readonly string[];
  readonly trustedAuthservIds: readonly string[];
  /** Null when offline or replaying: then only upstream headers can speak. */
  readonly resolver: Resolver | null;
  /**
   * Epoch ms the message is judged at. Accepted for the engine's clock discipline, but
   * mailauth 4.9.5 `authenticate()` does not pass a clock to DKIM, which uses the wall clock
   * for `x=` expiry.
   */
  readonly now?: number;
  /** Our name as the checking MTA (mailauth writes it into its own header); default `belong`. */
  readonly mta?: string;
}

/** Wrap a resolver to remember which names failed for reasons other than "no such record". */
function recording(resolver: Resolver): { resolver: Resolver; failedNames: Set<string> } {
  const failedNames = new Set<string>();
  const wrapped: Resolver = async (name, rrtype) => {
    try {
      return await resolver(name, rrtype);
    } catch (err) {
      if (isTransientDnsError(err)) failedNames.add(name.toLowerCase().replace(/\.$/, ''));
      throw err;
    }
  };
  return { resolver: wrapped, failedNames };
}

async function ownCheck(input: AuthenticateInput, clientIp: string, resolver: Resolver): Promise<AuthResults> {
  const rec = recording(resolver);
  const envelope = input.envelope;
  const result = await mailauthAuthenticate(input.raw, {
    ip: clientIp,
    ...(envelope?.helo ? { helo: envelope.helo } : {}),
    ...(envelope?.mailFrom ? { sender: envelope.mailFrom } : {}),
    mta: input.mta ?? 'belong',
    resolver: rec.resolver,
    // BIMI is branding, not authentication: skip its DNS and HTTPS lookups.
    disableBimi: true,
  });
  return mapMailauthResult(result, { failedNames: rec.failedNames });
}

function upstreamOrNone(input: AuthenticateInput): AuthResults {
  try {
    return trustedUpstreamResults(input.headers, input) ?? UNKNOWN_AUTH;
  } catch {
    return UNKNOWN_AUTH;
  }
}

export async function authenticateMessage(input: AuthenticateInput): Promise<AuthResults> {
  const clientIp = input.envelope?.clientIp;
  if (!clientIp || !input.resolver) return upstreamOrNone(input);
  try {
    const own = await ownCheck(input, clientIp, input.resolver);
    if (!learntNothing(own)) return own;
    // DNS was unreachable for everything: the upstream verdict, if any, is better evidence.
    const fallback = upstreamOrNone(input);
    return fallback.source === 'upstream' ? fallback : { ...UNKNOWN_AUTH, dkim: own.dkim };
  } catch {
    return upstreamOrNone(input);
  }
}
