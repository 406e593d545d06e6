import { plural } from '../../core/text.js';

/** What a person's exposure is judged on, over one period. */
export interface ExposureFacts {
  readonly total: number;
  readonly anomalous: number;
  readonly held: number;
  readonly maxScore: number;
  /** Visits to locked-link pages from mail sent to them. */
  readonly clicks: number;
  /** Of those, visits that went on to the site. */
  readonly clicksThrough: number;
  readonly vip: boolean;
  readonly vipBasis: 'configured' | 'learned' | 'none';
  readonly groups: readonly string[];
  readonly topTags: ReadonlyArray<{ readonly tag: string; readonly count: number }>;
}

/** 1 - e^(-n/scale): the first few count most, later ones add less, never past 1. */
function saturating(n: number, scale: number): number {
  return 1 - Math.exp(-n / scale);
}

/** How much more a VIP's exposure weighs: attackers pick them for their authority and access. */
export const VIP_WEIGHT = 1.25;

/**
 * Exposure, 0..100: how much unusual mail reached this person and how much it got to them.
 *  - volume (35): anomalous emails received, saturating (4 → 22, 10 → 32);
 *  - targeting (20): the share of their mail that was anomalous, damped below 3 anomalous
 *    emails so one odd message to a quiet mailbox does not read as a campaign;
 *  - holds (15): emails held for them, saturating (2 → 9.5, 5 → 14);
 *  - clicks (20): visits to locked links, the step from being targeted to being caught
 *    (1 → 12.6, 3 → 19);
 *  - severity (10): the highest score they received, out of 100.
 * The sum is multiplied by VIP_WEIGHT for VIPs and capped at 100.
 */
export function exposureOf(f: ExposureFacts): number {
  const share = f.total > 0 ? f.anomalous / f.total : 0;
  const raw =
    35 * saturating(f.anomalous, 4) +
    20 * share * Math.min(1, f.anomalous / 3) +
    15 * saturating(f.held, 2) +
    20 * saturating(f.clicks, 1) +
    10 * (Math.max(0, Math.min(100, f.maxScore)) / 100);
  return Math.min(100, Math.round(raw * (f.vip ? VIP_WEIGHT : 1)));
}

/** The exposure in plain English, most telling first. */
export function exposureReasons(f: ExposureFacts): string[] {
  const reasons: string[] = [];
  if (f.anomalous > 0) reasons.push(`received ${plural(f.anomalous, 'anomalous email')}${f.held > 0 ? `, ${f.held} held` : ''}`);
  else if (f.held > 0) reasons.push(`had ${plural(f.held, 'email')} held`);
  if (f.clicks > 0) {
    const all = f.clicks === 1 ? '' : 'all ';
    const through = f.clicksThrough === 0 ? ` (${all}blocked)` : f.clicksThrough === f.clicks ? ` (${all}went on to the site)` : ` (${f.clicksThrough} went on to the site)`;
    reasons.push(`${plural(f.clicks, 'click')} on locked links${through}`);
  }
  if (f.anomalous >= 2 && f.total > 0 && f.anomalous / f.total >= 0.2) reasons.push(`${Math.round((100 * f.anomalous) / f.total)}% of their mail was anomalous`);
  if (f.vip) reasons.push(f.vipBasis === 'learned' ? 'VIP (learned from the mail graph)' : 'VIP');
  if (f.groups.length > 0) reasons.push(`in ${f.groups.join(', ')}`);
  const top = f.topTags[0];
  if (top) reasons.push(`most often tagged ${top.tag} (${top.count})`);
  if (f.anomalous > 0) reasons.push(`highest score ${Math.round(f.maxScore)}`);
  if (reasons.length === 0) reasons.push('nothing anomalous in this period');
  return reasons;
}
