import { ANY_VALUE, DAY_MS, decayedWeight, type Counter, type ProfileView } from '../profile.js';
import type { Correspondents } from './correspondents.js';
import { EmailKeys } from './email-keys.js';

export type Prevalence = 'new' | 'rare' | 'common';

/** How much an entity has been seen, in both directions, as checks and narratives quote it. */
export interface History {
  /** Messages (× recipients) it sent to our people. */
  readonly messagesIn: number;
  /** How many of our people it wrote to. */
  readonly peopleWrittenTo: number;
  /** Messages our people sent to it. */
  readonly messagesOut: number;
  /** How many of our people wrote to it. */
  readonly peopleWhoWrote: number;
  readonly firstSeen: number | null;
  readonly lastSeen: number | null;
  /** Whole days between first sighting and now (0 when never seen). */
  readonly daysKnown: number;
  /** Decayed weight of all sightings at `now`: recent history counts more than old. */
  readonly weight: number;
  readonly prevalence: Prevalence;
}

export interface RecipientFacts {
  readonly address: string;
  /** Mail this person has received in total: how established their baseline is. */
  readonly received: number;
  /** Messages from this sender to this person. */
  readonly fromSender: number;
  /** Messages from this person to this sender. */
  readonly toSender: number;
}

export interface ReplyToFacts {
  readonly address: string;
  readonly domain: string;
  /** Times this sender used this Reply-To before. */
  readonly usedBySender: number;
  /** Times our people wrote to it / it wrote to us. */
  readonly history: History;
}

export interface EmailFacts {
  readonly now: number;
  /** Messages the organisation has learned, both directions: the depth of the whole baseline. */
  readonly orgMessages: number;
  readonly sender: History;
  readonly senderDomain: History & { readonly authPasses: number; readonly authFailures: number };
  readonly recipients: readonly RecipientFacts[];
  /** Someone here wrote to this sender address (or domain) first. */
  readonly solicited: { readonly byAddress: boolean; readonly byDomain: boolean };
  readonly replyTos: readonly ReplyToFacts[];
}

/** Below this decayed weight something seen before is still "rare". */
export const RARE_BELOW_WEIGHT = 3;

function historyOf(incoming: Counter | undefined, outgoing: Counter | undefined, now: number): History {
  const seen = [incoming, outgoing].filter((c): c is Counter => c !== undefined);
  const firstSeen = seen.length ? Math.min(...seen.map((c) => c.firstSeen)) : null;
  const lastSeen = seen.length ? Math.max(...seen.map((c) => c.lastSeen)) : null;
  const weight = decayedWeight(incoming, now) + decayedWeight(outgoing, now);
  const total = (incoming?.count ?? 0) + (outgoing?.count ?? 0);
  return {
    messagesIn: incoming?.count ?? 0,
    peopleWrittenTo: incoming?.distinct ?? 0,
    messagesOut: outgoing?.count ?? 0,
    peopleWhoWrote: outgoing?.distinct ?? 0,
    firstSeen,
    lastSeen,
    daysKnown: firstSeen === null ? 0 : Math.max(0, Math.floor((now - firstSeen) / DAY_MS)),
    weight,
    prevalence: total === 0 ? 'new' : weight < RARE_BELOW_WEIGHT ? 'rare' : 'common',
  };
}

/** Turn raw counters into the named facts checks read (DESIGN: "named facts, not raw counters"). */
export function factsFor(who: Correspondents, view: ProfileView, now: number): EmailFacts {
  const sender = historyOf(view.get(EmailKeys.addressIn(who.sender, ANY_VALUE)), view.get(EmailKeys.addressOut(who.sender, ANY_VALUE)), now);
  const domainHistory = historyOf(
    view.get(EmailKeys.domainIn(who.senderDomain, ANY_VALUE)),
    view.get(EmailKeys.domainOut(who.senderDomain, ANY_VALUE)),
    now,
  );
  return {
    now,
    orgMessages: view.count(EmailKeys.orgTotal('in')) + view.count(EmailKeys.orgTotal('out')),
    sender,
    senderDomain: {
      ...domainHistory,
      authPasses: view.count(EmailKeys.domainAuth(who.senderDomain, 'pass')),
      authFailures: view.count(EmailKeys.domainAuth(who.senderDomain, 'fail')),
    },
    recipients: who.recipients.map((address) => ({
      address,
      received: view.count(EmailKeys.recipientIn(address)),
      fromSender: view.count(EmailKeys.addressIn(who.sender, address)),
      toSender: view.count(EmailKeys.addressOut(who.sender, address)),
    })),
    solicited: { byAddress: sender.messagesOut > 0, byDomain: domainHistory.messagesOut > 0 },
    replyTos: who.replyTos.map((r) => ({
      address: r.address,
      domain: r.domain,
      usedBySender: view.count(EmailKeys.replyTo(who.sender, r.address)),
      history: historyOf(view.get(EmailKeys.addressIn(r.address, ANY_VALUE)), view.get(EmailKeys.addressOut(r.address, ANY_VALUE)), now),
    })),
  };
}
