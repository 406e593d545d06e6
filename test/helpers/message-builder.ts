import type { AuthResults, MailAddress, Message } from '../../src/core/message.js';

/** Test-only: a Message value without parsing, with sensible defaults. */
export function address(spec: string): MailAddress {
  const match = /^(?:(.*?)\s*<)?([^<>\s]+@([^<>\s]+?))>?$/.exec(spec.trim());
  if (!match) throw new Error(`bad address spec ${spec}`);
  const [, name = '', addr = '', domain = ''] = match;
  const labels = domain.toLowerCase().split('.');
  // Good enough for test domains: the last two labels (tests avoid multi-label suffixes unless they set it).
  return { name, address: addr.toLowerCase(), local: addr.split('@')[0] ?? '', domain: domain.toLowerCase(), registrableDomain: labels.slice(-2).join('.') };
}

export const UNCHECKED_AUTH: AuthResults = {
  source: 'none',
  authservId: null,
  spf: { result: 'unknown', domain: null },
  dkim: [],
  dmarc: { result: 'unknown', domain: null, policy: null },
  arc: { result: 'unknown' },
};

export function authWith(dmarc: 'pass' | 'fail', domain: string): AuthResults {
  return { ...UNCHECKED_AUTH, source: 'upstream', authservId: 'mx.example.org', dmarc: { result: dmarc, domain, policy: 'reject' } };
}

let counter = 0;

export interface MessageSpec {
  from: string;
  to?: string[];
  cc?: string[];
  replyTo?: string[];
  subject?: string;
  date?: number;
  auth?: AuthResults;
  links?: Message['links'];
  attachments?: Message['attachments'];
  messageId?: string;
  text?: string;
  html?: string | null;
  received?: Message['received'];
  envelope?: Message['envelope'];
  mailer?: string | null;
  thread?: Message['thread'];
  listId?: string | null;
}

export function buildMessage(spec: MessageSpec): Message {
  counter += 1;
  const digest = (counter.toString(16).padStart(8, '0') + 'ab'.repeat(28)).slice(0, 64);
  return {
    digest,
    messageId: spec.messageId ?? `<m${counter}@test>`,
    date: spec.date ?? Date.UTC(2024, 0, 1),
    envelope: spec.envelope ?? null,
    from: address(spec.from),
    sender: null,
    replyTo: (spec.replyTo ?? []).map(address),
    to: (spec.to ?? ['alice@example.org']).map(address),
    cc: (spec.cc ?? []).map(address),
    returnPath: null,
    subject: spec.subject ?? 'hello',
    headers: [],
    received: spec.received ?? [],
    text: spec.text ?? 'hello',
    html: spec.html ?? null,
    links: spec.links ?? [],
    attachments: spec.attachments ?? [],
    thread: spec.thread ?? { inReplyTo: null, references: [] },
    mailer: spec.mailer ?? null,
    listId: spec.listId ?? null,
    auth: spec.auth ?? UNCHECKED_AUTH,
    size: 100,
    defects: [],
  };
}

/** Test-only: a Received hop as the parser would give it (`from helo (reverse [ip]) by by`). */
export function hop(ip: string, helo: string | null = null, reverseName: string | null = null, by = 'mx.example.org'): Message['received'][number] {
  return { helo, reverseName, ip, by, date: null };
}

/** Test-only: authentication results carrying DKIM signatures (pass) for the given domains. */
export function dkimSigned(...domains: string[]): AuthResults {
  return { ...UNCHECKED_AUTH, source: 'upstream', authservId: 'mx.example.org', dkim: domains.map((domain) => ({ result: 'pass' as const, domain, selector: 's1' })) };
}
