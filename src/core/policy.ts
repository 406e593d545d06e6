import type { Ask } from './threat.js';
import type { AttachmentAction, DeliveryAction, LinkAction } from './verdict.js';

/**
 * Weights, tag definitions and action thresholds: data, not code (DESIGN: "checks report,
 * policy weighs"). The shell validates a policy file against a schema and hands core this.
 */
export interface Policy {
  readonly version: 1;
  /**
   * Per signal id: positive weights raise the anomaly score, negative ones (mitigations) lower it.
   * A mitigation with `mitigates` lowers only those signals' share: "they wrote to us first"
   * explains a first contact or an invoice, not a failed DKIM or a changed bank account.
   */
  readonly signals: Readonly<Record<string, { readonly weight: number; readonly mitigates?: readonly string[] }>>;
  readonly tags: ReadonlyArray<TagRule>;
  /**
   * Action ladders, per area ordered from least to most aggressive (the first rung of each —
   * deliver / none — is implicit). The planner takes the strongest rung whose conditions hold:
   * each rung states when that area's risk needs at least this much, so what is chosen is the
   * least aggressive action that still neutralises it.
   */
  readonly delivery: ReadonlyArray<Rung<Exclude<DeliveryAction, 'deliver'>>>;
  /** Link rungs: conditions should require the `link` ask (no links, nothing to lock). */
  readonly links: ReadonlyArray<Rung<Exclude<LinkAction, 'none'>>>;
  /** Attachment rungs: conditions should require the `attachment` ask. */
  readonly attachments: ReadonlyArray<Rung<Exclude<AttachmentAction, 'none'>>>;
  /** `X-Belong-*` headers are always added; the subject tag is optional. */
  readonly headers?: HeaderPolicy;
}

export type TagSeverity = 'info' | 'low' | 'medium' | 'high';
export type TagCategory = 'relationship' | 'identity' | 'authentication' | 'content' | 'behaviour';

export interface TagRule {
  readonly name: string;
  readonly severity: TagSeverity;
  readonly category: TagCategory;
  /** The tag applies when any of these signals fired at least `minStrength`... */
  readonly anyOf: readonly string[];
  /** ...and every one of these fired (optional). */
  readonly allOf?: readonly string[];
  readonly minStrength: number;
}

/** One rung of a ladder: taken when any of its conditions holds. */
export interface Rung<A extends string> {
  readonly action: A;
  /** Why this rung neutralises the risk, in plain English (recorded with the plan). */
  readonly because: string;
  readonly when: readonly RungCondition[];
}

/** Every field given must hold (AND); an empty condition always holds. */
export interface RungCondition {
  /** Anomaly score at least this (0..100). */
  readonly minScore?: number;
  /** The email asks for at least one of these (verdict.threat.asks). */
  readonly asksAny?: readonly Ask[];
  /** At least one of these tags applies. */
  readonly tagsAny?: readonly string[];
  /** At least one applied tag has this severity or higher (and one of these categories, when given). */
  readonly tagAtLeast?: { readonly severity: TagSeverity; readonly categories?: readonly TagCategory[] };
  /** At least one of these signals fired (any strength). */
  readonly signalsAny?: readonly string[];
}

export interface HeaderPolicy {
  /** Text put in front of the subject when delivery is one of `onDelivery` (null: never touch the subject). */
  readonly subjectTag: { readonly text: string; readonly onDelivery: ReadonlyArray<Exclude<DeliveryAction, 'deliver'>> } | null;
}
