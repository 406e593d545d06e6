import type { Signal } from './signal.js';
import type { ThreatAssessment } from './threat.js';
import type { Narrative } from './narrative/span.js';

export type DeliveryAction = 'deliver' | 'banner' | 'junk' | 'hold';
export type LinkAction = 'none' | 'lock' | 'double_lock' | 'remove';
export type AttachmentAction = 'none' | 'convert' | 'strip';

export interface ActionPlan {
  readonly delivery: DeliveryAction;
  readonly links: LinkAction;
  readonly attachments: AttachmentAction;
  /** Stronger rungs considered and not taken, with why (least-aggressive principle). */
  readonly notTaken: ReadonlyArray<{ readonly area: 'delivery' | 'links' | 'attachments'; readonly action: string; readonly reason: string }>;
  /** Why each rung above the floor was taken (absent in verdicts stored before the ladders). */
  readonly why?: ReadonlyArray<{ readonly area: 'delivery' | 'links' | 'attachments'; readonly action: string; readonly reason: string }>;
  /** Text to put in front of the subject when rewriting (null/absent: leave the subject alone). */
  readonly subjectTag?: string | null;
}

export interface Verdict {
  /** Deterministic id: derived from the message digest and the analysis time. */
  readonly id: string;
  readonly digest: string;
  readonly messageId: string | null;
  readonly analysedAt: number;
  readonly direction: 'inbound' | 'outbound' | 'internal';
  readonly from: string | null;
  readonly recipients: readonly string[];
  readonly subject: string;
  /** 0..100: how far this email is from the organisation's learned patterns. */
  readonly score: number;
  readonly tags: readonly string[];
  readonly signals: readonly Signal[];
  /** What the email asks for (links, attachments, payment, credentials...): which part needs neutralising. */
  readonly threat: ThreatAssessment;
  readonly actions: ActionPlan;
  /** One-line plain-English reason (the strongest signals' summaries). */
  readonly reason: string;
  /** Parser defects carried through so an analyst sees why a verdict rested on less. */
  readonly defects: readonly string[];
  /** Plain-English story: headline, sentences of spans with references to the data behind them, and the plain text. */
  readonly narrative: Narrative;
}
