import { recipientsOf, type Message } from './message.js';

/** Another domain joins the top one only when it is on at least this share as many messages. */
export const CO_DOMAIN_SHARE = 0.95;

export interface OrgInference {
  readonly domains: readonly string[];
  /** Messages that named each chosen domain among their recipients, for the printed explanation. */
  readonly evidence: ReadonlyArray<{ readonly domain: string; readonly messages: number }>;
  readonly sampled: number;
  /** The next most common recipient domains, so a wrong guess is easy to spot and correct. */
  readonly runnersUp: ReadonlyArray<{ readonly domain: string; readonly messages: number }>;
}

/**
 * Guess the organisation's own domains from the mail it received: the recipient domain that
 * appears in the most messages, plus any other that appears in nearly as many. A mailbox export
 * is addressed to its owners, so their domain is on almost every message; a busy correspondent
 * who is copied on most threads (a maintainer, a key customer) is not, and must not become
 * "internal". An organisation with several domains of equal weight should configure them.
 */
export function inferOrgDomains(messages: Iterable<Pick<Message, 'to' | 'cc' | 'envelope'>>): OrgInference {
  const perDomain = new Map<string, number>();
  let sampled = 0;
  for (const message of messages) {
    sampled += 1;
    const domains = new Set(recipientsOf(message as Message).map((r) => r.slice(r.lastIndexOf('@') + 1)));
    for (const d of domains) if (d) perDomain.set(d, (perDomain.get(d) ?? 0) + 1);
  }
  const ranked = [...perDomain.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0]?.[1] ?? 0;
  const chosen = ranked.filter(([, n]) => top > 0 && n >= top * CO_DOMAIN_SHARE);
  const runnersUp = ranked.slice(chosen.length, chosen.length + 3).map(([domain, messages]) => ({ domain, messages }));
  return { domains: chosen.map(([d]) => d), evidence: chosen.map(([domain, messages]) => ({ domain, messages })), sampled, runnersUp };
}
