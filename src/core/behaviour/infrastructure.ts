import type { Message, ReceivedHop } from '../message.js';
import { isInternalDomain, type Org } from '../org.js';
import { isNonPublicIp, networkOf } from './ip-network.js';

/** How one email reached the organisation, normalised so routine churn (versions, server numbers) is not "new". */
export interface SendingInfrastructure {
  /** /24 or /48 of the first external hop (or the envelope client). */
  readonly network: string | null;
  /** Domain of the sending host's name (reverse DNS, else HELO): `mail-ed1-f54.google.com` → `google.com`. */
  readonly host: string | null;
  /** DKIM signing domains present (signed, whatever the result), ['none'] for mail known to be unsigned, [] when nobody checked. */
  readonly dkim: readonly string[];
  /** Mailer family without versions: `Microsoft Outlook 16.0` → `microsoft outlook`. */
  readonly mailer: string | null;
}

export type InfrastructureDimension = 'network' | 'host' | 'dkim' | 'mailer';
export const INFRASTRUCTURE_DIMENSIONS: readonly InfrastructureDimension[] = ['network', 'host', 'dkim', 'mailer'];

/** At most this many DKIM domains are profiled per email (a message rarely carries more than two signatures). */
const MAX_DKIM_DOMAINS = 3;

const IP_LITERAL = /^\[?(?:\d{1,3}\.){3}\d{1,3}\]?$|^\[?ipv6:|:/iu;

/** Last two labels, or three under a short second-level label (`co.uk`, `com.au`): no PSL in core, and hosts only need a stable family name. */
export function hostDomain(name: string | null | undefined): string | null {
  if (!name) return null;
  const clean = name.trim().toLowerCase().replace(/\.$/u, '');
  if (!clean || IP_LITERAL.test(clean) || !clean.includes('.')) return null;
  const labels = clean.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && second.length <= 3 && labels.length >= 3 ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function mailerFamily(mailer: string | null | undefined): string | null {
  if (!mailer) return null;
  const words = mailer
    .toLowerCase()
    .replace(/\([^)]*\)/gu, ' ')
    .split(/[\s/;,]+/u)
    .filter((w) => w.length > 1 && !/\d/u.test(w))
    .slice(0, 3);
  return words.length > 0 ? words.join(' ').slice(0, 60) : null;
}

function isOwnHop(hop: ReceivedHop, org: Org): boolean {
  const names = [hop.helo, hop.reverseName].map((n) => hostDomain(n)).filter((n): n is string => n !== null);
  return names.some((n) => isInternalDomain(org, n));
}

/** The first hop, from the top, that came from outside the organisation's own (and private) network. */
export function firstExternalHop(message: Message, org: Org): ReceivedHop | null {
  for (const hop of message.received) {
    if (!hop.ip || isNonPublicIp(hop.ip) || isOwnHop(hop, org)) continue;
    return hop;
  }
  return null;
}

export function sendingInfrastructure(message: Message, org: Org): SendingInfrastructure {
  const hop = firstExternalHop(message, org);
  const clientIp = message.envelope?.clientIp && !isNonPublicIp(message.envelope.clientIp) ? message.envelope.clientIp : null;
  const helo = clientIp ? message.envelope?.helo : hop?.helo;
  const dkim = [...new Set(message.auth.dkim.map((d) => d.domain.toLowerCase()).filter((d) => d.length > 0))].slice(0, MAX_DKIM_DOMAINS);
  return {
    network: networkOf(clientIp ?? hop?.ip),
    host: hostDomain(clientIp ? null : hop?.reverseName) ?? hostDomain(helo),
    // Without our own check or a trusted upstream result the signatures are unknown, and unknown is never "new".
    dkim: dkim.length > 0 ? dkim : message.auth.source === 'none' ? [] : ['none'],
    mailer: mailerFamily(message.mailer),
  };
}

/** The values one dimension takes for this email (empty when unknown: unknown is never "new"). */
export function dimensionValues(infra: SendingInfrastructure, dimension: InfrastructureDimension): readonly string[] {
  if (dimension === 'dkim') return infra.dkim;
  const value = infra[dimension];
  return value ? [value] : [];
}
