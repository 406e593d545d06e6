import type { AuthAssessment } from '../auth-standing.js';
import type { Message } from '../message.js';
import type { Correspondents } from '../model/correspondents.js';
import type { EmailFacts } from '../model/facts.js';
import type { Org } from '../org.js';
import type { ProfileView } from '../profile.js';
import type { Signal } from '../signal.js';

/** Everything a check may look at. Plain data: checks are pure functions of it. */
export interface CheckContext {
  readonly message: Message;
  readonly org: Org;
  readonly who: Correspondents;
  readonly auth: AuthAssessment;
  /** Relationship facts shared by many checks. */
  readonly facts: EmailFacts;
  /** Every counter the model features asked for; a check reads its own feature's facts from it. */
  readonly view: ProfileView;
  /** The time the email is judged at. */
  readonly now: number;
}

/** One check: its public id and description beside its logic; no weights, no actions. */
export interface Check {
  readonly id: string;
  readonly description: string;
  run(context: CheckContext): Signal | null;
}

/**
 * How much to trust a "never seen" when only `n` relevant messages stood behind it:
 * 0 with no history, ½ at `half`, approaching 1 as history grows. A new mailbox is not an
 * anomaly for everything.
 */
export function confidenceFrom(n: number, half: number): number {
  return n <= 0 ? 0 : n / (n + half);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
