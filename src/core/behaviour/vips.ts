import { BehaviourKeys } from '../model/behaviour-keys.js';
import type { Org } from '../org.js';
import { ANY_VALUE, type ProfileView } from '../profile.js';

/** Learned VIP thresholds: written to by this many distinct colleagues, or this many internal messages, or this many broadcasts. */
export const VIP_MIN_COLLEAGUES = 10;
export const VIP_MIN_INTERNAL_MESSAGES = 30;
export const VIP_MIN_BROADCASTS = 3;

export interface VipEvidence {
  readonly vip: boolean;
  readonly basis: 'configured' | 'learned' | 'none';
  /** Distinct colleagues who wrote to the person (when the email's lookups covered them). */
  readonly colleaguesWriting: number;
  readonly internalMessagesReceived: number;
  readonly broadcasts: number;
}

/**
 * Is this person a VIP? Configured VIPs (`org.vips`) win; without a configured list, VIPs are
 * learned from the mail graph: many colleagues write to them, or they write to everyone. Pure:
 * reads only counters the groups feature asked for (the sender, the first recipients and the
 * organisation's top lists), so it stays bounded.
 */
export function vipEvidence(address: string, view: ProfileView, org: Org): VipEvidence {
  const person = address.toLowerCase();
  const colleaguesWriting = view.get(BehaviourKeys.writtenBy(person, ANY_VALUE))?.distinct ?? 0;
  const internalMessagesReceived = view.values(BehaviourKeys.vipQuery('internalIn', 0)).find((v) => v.value === person)?.counter.count ?? 0;
  const broadcasts = view.values(BehaviourKeys.vipQuery('broadcast', 0)).find((v) => v.value === person)?.counter.count ?? 0;
  const facts = { colleaguesWriting, internalMessagesReceived, broadcasts };
  if (org.vips && org.vips.length > 0) {
    const vip = org.vips.some((v) => v.toLowerCase() === person);
    return { vip, basis: vip ? 'configured' : 'none', ...facts };
  }
  const vip = colleaguesWriting >= VIP_MIN_COLLEAGUES || internalMessagesReceived >= VIP_MIN_INTERNAL_MESSAGES || broadcasts >= VIP_MIN_BROADCASTS;
  return { vip, basis: vip ? 'learned' : 'none', ...facts };
}

export function isVip(address: string, view: ProfileView, org: Org): boolean {
  return vipEvidence(address, view, org).vip;
}

/** Every VIP the view can name: the configured list, else the learned candidates above threshold. */
export function knownVips(view: ProfileView, org: Org): string[] {
  if (org.vips && org.vips.length > 0) return org.vips.map((v) => v.toLowerCase());
  const candidates = [...view.values(BehaviourKeys.vipQuery('internalIn', 0)), ...view.values(BehaviourKeys.vipQuery('broadcast', 0))].map((v) => v.value);
  return [...new Set(candidates)].filter((p) => isVip(p, view, org)).sort();
}

/** Named groups a person belongs to (configured in `org.groups`). */
export function namedGroupsOf(address: string, org: Org): string[] {
  const person = address.toLowerCase();
  return Object.entries(org.groups ?? {})
    .filter(([, members]) => members.some((m) => m.toLowerCase() === person))
    .map(([name]) => name)
    .sort();
}
