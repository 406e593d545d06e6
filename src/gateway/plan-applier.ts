import { effectiveAutonomy, type AutonomySettings } from '../core/autonomy.js';
import type { ActionPlan, Verdict } from '../core/verdict.js';
import { arcSeal, type ArcKey } from '../mail/rewrite/arc-seal.js';
import { rewriteMessage } from '../mail/rewrite/rewrite.js';
import { prependHeaders } from './headers.js';

/** What the spool record keeps so a resumed relay rewrites the same way (the rewrite is deterministic). */
export interface RecordedRewrite {
  readonly verdictId: string;
  readonly reason: string;
  readonly actions: ActionPlan;
}

export interface PlanApplierOptions {
  readonly autonomy: AutonomySettings;
  readonly linkBaseUrl: string;
  readonly linkSecret: string | Buffer;
  readonly arc: ArcKey | null;
  /** authserv-id in the ARC-Authentication-Results belong adds. */
  readonly hostname: string;
}

/**
 * Autonomy in the gateway. Passive: the plan is recorded in the verdict and the X-Belong-*
 * headers, nothing else happens (no hold, no rewrite). Active: hold what the plan holds,
 * rewrite the rest (banner, locked links, converted/stripped attachments), ARC-seal when keys
 * are configured. Without an applier the gateway keeps its earlier behaviour (hold on hold).
 */
export class PlanApplier {
  private autonomy: AutonomySettings;

  constructor(private readonly options: PlanApplierOptions) {
    this.autonomy = options.autonomy;
  }

  /** Settings changed in the dashboard: the next message is decided with these. */
  setAutonomy(autonomy: AutonomySettings): void {
    this.autonomy = autonomy;
  }

  /** At analysis: the delivery decision, what to remember for relay, and headers to add. */
  decide(verdict: Verdict, raw: Buffer, delivery: 'deliver' | 'hold'): { delivery: 'deliver' | 'hold'; rewrite: RecordedRewrite | null; headers: Array<[string, string]> } {
    const mode = effectiveAutonomy(verdict.recipients, this.autonomy);
    const modeHeader: [string, string] = ['X-Belong-Autonomy', mode];
    if (mode === 'passive') return { delivery: 'deliver', rewrite: null, headers: [modeHeader] };
    if (delivery === 'hold') return { delivery, rewrite: null, headers: [modeHeader] };
    const recorded: RecordedRewrite = { verdictId: verdict.id, reason: verdict.reason, actions: verdict.actions };
    // Rewritten once here to learn whether it can be (else hold); relay rewrites again from the record.
    const trial = rewriteMessage(raw, this.rewriteOptions(recorded));
    if (trial.delivery === 'hold') return { delivery: 'hold', rewrite: null, headers: [modeHeader, ...trial.headers] };
    return { delivery: 'deliver', rewrite: trial.raw === raw ? null : recorded, headers: [modeHeader, ...trial.headers] };
  }

  /** At relay: the bytes to send (rewritten, verdict headers, ARC seal). */
  async outgoing(original: Buffer, rewrite: RecordedRewrite | null | undefined, headers: ReadonlyArray<readonly [string, string]>): Promise<Buffer> {
    if (!rewrite) return prependHeaders(original, headers);
    const withHeaders = prependHeaders(rewriteMessage(original, this.rewriteOptions(rewrite)).raw, headers);
    if (!this.options.arc) return withHeaders;
    return (await arcSeal(withHeaders, this.options.arc, `${this.options.hostname}; x-belong=rewritten (verdict ${rewrite.verdictId})`)).raw;
  }

  private rewriteOptions(recorded: RecordedRewrite) {
    return { plan: recorded.actions, verdict: { id: recorded.verdictId, reason: recorded.reason }, linkBaseUrl: this.options.linkBaseUrl, linkSecret: this.options.linkSecret };
  }
}
