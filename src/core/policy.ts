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
  /** Delivery rungs above plain delivery, each with the score at which it is taken. */
  readonly delivery: ReadonlyArray<{ readonly action: Exclude<DeliveryAction, 'deliver'>; readonly minScore: number }>;
  /** Link rungs, taken only when the email has links. */
  readonly links: ReadonlyArray<{ readonly action: Exclude<LinkAction, 'none'>; readonly minScore: number }>;
  /** Attachment rungs, taken only when the email has attachments. */
  readonly attachments: ReadonlyArray<{ readonly action: Exclude<AttachmentAction, 'none'>; readonly minScore: number }>;
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
