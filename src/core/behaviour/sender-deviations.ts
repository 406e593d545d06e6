import type { Message } from '../message.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import type { Correspondents } from '../model/correspondents.js';
import type { Org } from '../org.js';
import type { ProfileView } from '../profile.js';
import { rarityWithBackoff, type RarityBasis } from '../rarity.js';
import { dimensionValues, INFRASTRUCTURE_DIMENSIONS, sendingInfrastructure, type InfrastructureDimension } from './infrastructure.js';
import { hourDistance, hourOfDayFromWeek, hourOfWeek, isWeekendHour } from './time-of-week.js';

/**
 * Per-sender deviations from their own learned habits, shared by the single-habit checks
 * (NEW_INFRASTRUCTURE, UNUSUAL_HOUR) and the combined OUT_OF_CHARACTER check. Each finding says
 * how much history stood behind it.
 */
export interface DeviationInput {
  readonly message: Message;
  readonly org: Org;
  readonly who: Correspondents;
  readonly view: ProfileView;
}

/** Below this probability (with backoff) a value is unusual enough to report. */
export const UNUSUAL_PROBABILITY = 0.05;
/** A sender needs this many messages before "never from here" means something for them alone… */
export const MIN_SENDER_HISTORY = 3;
/** …or their domain this many (a new colleague at a well-known vendor). */
export const MIN_DOMAIN_HISTORY = 10;

export interface InfrastructureFinding {
  readonly dimension: InfrastructureDimension;
  readonly value: string;
  readonly senderMessages: number;
  readonly domainMessages: number;
  /** Sightings of this value for the sender's domain (0 = the domain never used it either). */
  readonly domainSightings: number;
  readonly probability: number;
  readonly basis: RarityBasis;
}

export function senderMessages(view: ProfileView, sender: string): number {
  return view.count(BehaviourKeys.sent('address', sender));
}

export function infrastructureFindings({ message, org, who, view }: DeviationInput): InfrastructureFinding[] {
  if (!who.sender) return [];
  const infra = sendingInfrastructure(message, org);
  const findings: InfrastructureFinding[] = [];
  for (const dimension of INFRASTRUCTURE_DIMENSIONS) {
    // Mailing-list mail arrives from the list server: its network and host describe the list, not the sender.
    if (message.listId && (dimension === 'network' || dimension === 'host')) continue;
    // Each dimension's own sightings are its history: mail whose signer or route was unknown taught nothing about it.
    const senderTotal = view.count(BehaviourKeys.infraTotal('address', who.sender, dimension));
    const domainTotal = who.senderDomain ? view.count(BehaviourKeys.infraTotal('domain', who.senderDomain, dimension)) : 0;
    const orgTotal = view.count(BehaviourKeys.infraTotal('org', '', dimension));
    if (senderTotal < MIN_SENDER_HISTORY && domainTotal < MIN_DOMAIN_HISTORY) continue;
    for (const value of dimensionValues(infra, dimension)) {
      const senderCount = view.count(BehaviourKeys.infra('address', who.sender, dimension, value));
      if (senderCount > 0) continue;
      const domainCount = who.senderDomain ? view.count(BehaviourKeys.infra('domain', who.senderDomain, dimension, value)) : 0;
      // Already part of the sender's domain's infrastructure (a vendor's other servers, a domain-wide migration): explained.
      // Mailer families are personal (phone vs desktop), so only the sender's own history speaks for them.
      if (dimension !== 'mailer' && domainCount >= DOMAIN_EXPLAINS) continue;
      const estimate = rarityWithBackoff({
        entity: { valueCount: senderCount, total: senderTotal },
        group: { valueCount: domainCount, total: domainTotal },
        org: { valueCount: view.count(BehaviourKeys.infra('org', '', dimension, value)), total: orgTotal },
      });
      if (estimate.probability >= UNUSUAL_PROBABILITY) continue;
      findings.push({ dimension, value, senderMessages: senderTotal, domainMessages: domainTotal, domainSightings: domainCount, probability: estimate.probability, basis: estimate.basis });
    }
  }
  // Large senders rotate addresses inside their own networks: a new /24 counts only when the sending host's domain is new too.
  const hostIsFamiliar = infra.host !== null && !findings.some((f) => f.dimension === 'host');
  return hostIsFamiliar ? findings.filter((f) => f.dimension !== 'network') : findings;
}

/** A value the sender's domain used this often is the domain's own infrastructure, not a deviation. */
export const DOMAIN_EXPLAINS = 3;

/** A sender needs this many dated messages before an hour can be unusual for them. */
export const MIN_HOUR_HISTORY = 20;
/** Hours either side that still count as "their usual time" (people shift a little day to day). */
export const HOUR_WINDOW = 2;

export interface HourFinding {
  readonly hourUtc: number;
  readonly weekend: boolean;
  readonly senderMessages: number;
  /** The sender's messages within HOUR_WINDOW hours either side of this one. */
  readonly senderMessagesNearHour: number;
  /** The sender's most used hours (UTC), most used first. */
  readonly usualHoursUtc: readonly number[];
  readonly probability: number;
  readonly basis: RarityBasis;
}

function hoursOfDay(view: ProfileView, level: 'address' | 'domain' | 'org', id: string): number[] {
  const byHour = Array<number>(24).fill(0);
  for (const { value, counter } of view.values(BehaviourKeys.hoursQuery(level, id))) {
    const hour = Number(value);
    if (Number.isInteger(hour) && hour >= 0 && hour < 24) byHour[hour] = (byHour[hour] ?? 0) + counter.count;
  }
  return byHour;
}

function nearHour(byHour: readonly number[], hour: number): number {
  return byHour.reduce((sum, n, h) => (hourDistance(h, hour) <= HOUR_WINDOW ? sum + n : sum), 0);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The hour-of-day this email was written at, judged against the sender's own hours (backing off to their domain and the org). */
export function hourFinding({ message, who, view }: DeviationInput): HourFinding | null {
  if (!who.sender || message.date === null) return null;
  const how = hourOfWeek(message.date);
  const hour = hourOfDayFromWeek(how);
  const sender = hoursOfDay(view, 'address', who.sender);
  const senderTotal = sum(sender);
  const senderNear = nearHour(sender, hour);
  if (senderTotal < MIN_HOUR_HISTORY || senderNear > 0) return null;
  const domain = who.senderDomain ? hoursOfDay(view, 'domain', who.senderDomain) : Array<number>(24).fill(0);
  const org = hoursOfDay(view, 'org', '');
  const estimate = rarityWithBackoff({
    entity: { valueCount: senderNear, total: senderTotal },
    group: { valueCount: nearHour(domain, hour), total: sum(domain) },
    org: { valueCount: nearHour(org, hour), total: sum(org) },
  });
  if (estimate.probability >= UNUSUAL_PROBABILITY) return null;
  const usualHoursUtc = sender
    .map((n, h) => ({ n, h }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.h - b.h)
    .slice(0, 6)
    .map((x) => x.h);
  return { hourUtc: hour, weekend: isWeekendHour(how), senderMessages: senderTotal, senderMessagesNearHour: senderNear, usualHoursUtc, probability: estimate.probability, basis: estimate.basis };
}
