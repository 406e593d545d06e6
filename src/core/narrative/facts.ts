import type { Policy } from '../policy.js';
import { contribution } from '../score.js';
import type { Signal } from '../signal.js';
import type { Verdict } from '../verdict.js';

/**
 * A fact is what one sentence says: one or more related signals (first contact + new domain are
 * one fact about the sender). Kinds are listed in narrative order: who → what is unusual.
 */
export const FACT_ORDER = [
  'sender',
  'reported',
  'lookalike',
  'impersonation',
  'orgName',
  'auth',
  'fakeReply',
  'replyTo',
  'returnPath',
  'infrastructure',
  'outOfCharacter',
  'wideDistribution',
  'volumeSpike',
  'unusualHour',
  'bank',
  'link',
  'attachment',
  'other',
] as const;
export type FactKind = (typeof FACT_ORDER)[number];

/** Which fact each signal feeds; intent signals (payment, credentials...) feed the intent sentence instead. */
const KIND_OF: Readonly<Record<string, FactKind | 'intent'>> = {
  FIRST_CONTACT_RECIPIENT: 'sender',
  FIRST_CONTACT_ORG: 'sender',
  NEW_SENDER_DOMAIN: 'sender',
  DORMANT_SENDER: 'sender',
  KNOWN_SENDER_NEW_GROUP: 'sender',
  SOLICITED: 'sender',
  REPORTED_BY_USERS: 'reported',
  REPORTED_SAFE: 'reported',
  LOOKALIKE_DOMAIN: 'lookalike',
  LOOKALIKE_OWN_DOMAIN: 'lookalike',
  CONFUSABLE_CHARACTERS: 'lookalike',
  DISPLAY_NAME_IMPERSONATION: 'impersonation',
  ORG_NAME_IN_SENDER: 'orgName',
  AUTH_FAIL_KNOWN_DOMAIN: 'auth',
  AUTH_FAIL_UNKNOWN_DOMAIN: 'auth',
  FAKE_REPLY: 'fakeReply',
  REPLY_TO_DIVERGENCE: 'replyTo',
  RETURN_PATH_DIVERGENCE: 'returnPath',
  NEW_INFRASTRUCTURE: 'infrastructure',
  OUT_OF_CHARACTER: 'outOfCharacter',
  WIDE_DISTRIBUTION: 'wideDistribution',
  VOLUME_SPIKE: 'volumeSpike',
  UNUSUAL_HOUR: 'unusualHour',
  BANK_DETAILS_CHANGED: 'bank',
  BANK_DETAILS_NEW_SENDER: 'bank',
  LINK_TEXT_MISMATCH: 'link',
  LINK_IP_LITERAL: 'link',
  LINK_PUNYCODE: 'link',
  LINK_SHORTENER: 'link',
  LINK_DOMAIN_NEW_TO_ORG: 'link',
  LOGIN_LURE: 'link',
  ATTACHMENT_TYPE_RARE: 'attachment',
  ATTACHMENT_TYPE_MISMATCH: 'attachment',
  ATTACHMENT_MACRO: 'attachment',
  ATTACHMENT_HTML: 'attachment',
  ATTACHMENT_ENCRYPTED_ARCHIVE: 'attachment',
  ATTACHMENT_EXECUTABLE: 'attachment',
  PAYMENT_REQUEST: 'intent',
  BANK_DETAILS_CHANGE_REQUEST: 'intent',
  CREDENTIAL_REQUEST: 'intent',
  URGENCY_SECRECY: 'intent',
  GIFT_CARD_REQUEST: 'intent',
  CALLBACK_NUMBER: 'intent',
  INVOICE: 'intent',
  EXTORTION: 'intent',
  UNSOLICITED_BULK: 'intent',
};

/**
 * How much a kind of fact matters to a reader beyond its score contribution: who the sender
 * pretends to be and what changed about money outrank when the email was sent.
 */
const PRIORITY: Readonly<Record<FactKind, number>> = {
  sender: 1,
  reported: 1.5,
  lookalike: 1.5,
  impersonation: 1.4,
  orgName: 1,
  auth: 1.4,
  fakeReply: 1.2,
  replyTo: 1.1,
  returnPath: 0.8,
  infrastructure: 1,
  outOfCharacter: 1.2,
  wideDistribution: 1,
  volumeSpike: 0.9,
  unusualHour: 0.7,
  bank: 1.5,
  link: 1.2,
  attachment: 1.3,
  other: 0.8,
};

export interface Fact {
  readonly kind: FactKind;
  /** Strongest first. */
  readonly signals: readonly Signal[];
  readonly weight: number;
}

export function kindOf(signalId: string): FactKind | 'intent' {
  return KIND_OF[signalId] ?? 'other';
}

/** The verdict's signals grouped into facts, each weighted by its strongest signal's policy contribution × priority. */
export function factsOf(verdict: Verdict, policy: Policy): Fact[] {
  const groups = new Map<FactKind, Signal[]>();
  for (const signal of verdict.signals) {
    const kind = kindOf(signal.id);
    if (kind === 'intent') continue;
    // Unknown signals each stand alone: their own summary is their sentence.
    const list = groups.get(kind) ?? [];
    list.push(signal);
    groups.set(kind, list);
  }
  const facts: Fact[] = [];
  for (const [kind, signals] of groups) {
    const sorted = [...signals].sort((a, b) => contribution(b, policy) - contribution(a, policy) || (a.id < b.id ? -1 : 1));
    const top = contribution(sorted[0]!, policy);
    if (top <= 0) continue;
    facts.push({ kind, signals: sorted, weight: top * PRIORITY[kind] });
  }
  return facts;
}

/** The 2–4 facts that matter most, in narrative order. */
export function chooseFacts(facts: readonly Fact[], max = 4): Fact[] {
  const ranked = [...facts].sort((a, b) => b.weight - a.weight || FACT_ORDER.indexOf(a.kind) - FACT_ORDER.indexOf(b.kind));
  // A fact far weaker than the strongest adds words, not understanding.
  const strongest = ranked[0]?.weight ?? 0;
  const chosen = ranked.filter((f, i) => i < 2 || f.weight >= strongest * 0.25).slice(0, max);
  return chosen.sort((a, b) => FACT_ORDER.indexOf(a.kind) - FACT_ORDER.indexOf(b.kind));
}
