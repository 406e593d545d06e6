import { FeedbackKeys } from '../core/model/features/feedback.js';
import type { Store } from '../store/store.js';
import type { ReportKind } from './feedback.js';

export interface AnalystReportOptions {
  readonly store: Store;
  readonly verdictId: string;
  readonly as: ReportKind;
  /** The audit log's actor: the dashboard user (or token) reporting. */
  readonly actor: string;
  readonly reason: string;
  readonly at: number;
}

export interface AnalystReportOutcome {
  readonly sender: string | null;
  /** True when the sender now carries the organisation-wide verdict; see `notJudged` otherwise. */
  readonly senderJudged: boolean;
  /** Why the report was recorded without judging the sender. */
  readonly notJudged: string | null;
}

/** The verdict's own reading that the From failed SPF/DKIM/DMARC (src/core/checks/auth-failure.ts). */
const FORGED_FROM_SIGNALS: ReadonlySet<string> = new Set(['AUTH_FAIL_KNOWN_DOMAIN', 'AUTH_FAIL_UNKNOWN_DOMAIN']);

/**
 * "Report as phishing / safe" from the dashboard. Unlike a recipient's report (feedback.ts:
 * one vote for their own relationship, organisation-wide only when enough distinct recipients
 * agree), the reporter here is an analyst: someone the organisation already trusts to release
 * held mail. Their report is a judgement of the sender for everyone, written to the same
 * organisation-wide feedback keys the recipients' threshold writes, so the next email from the
 * sender carries REPORTED_BY_USERS or REPORTED_SAFE. It does not pose as any recipient's vote.
 *
 * The judgement needs only the stored verdict, never the message itself (the original bytes
 * are kept only while quarantined). The verdict also says when judging the sender would be
 * wrong, and then the report is only recorded:
 * - the From failed authentication: the address is probably forged, and judging it would
 *   punish (or whitelist) the party being impersonated;
 * - the email was not inbound: feedback is only consulted for inbound mail, so an internal
 *   sender is a matter for account security, not for this verdict;
 * - there is no sender address.
 * Every report, judged or not, is audited as `message.report` about the verdict, so it shows
 * in the message's history. Null when there is no such verdict.
 */
export async function reportAsAnalyst(options: AnalystReportOptions): Promise<AnalystReportOutcome | null> {
  const { store } = options;
  const stored = await store.getVerdict(options.verdictId);
  if (!stored) return null;
  const { verdict } = stored;
  const sender = verdict.from?.trim().toLowerCase() || null;
  const notJudged =
    sender === null
      ? 'the email has no sender address'
      : verdict.direction !== 'inbound'
        ? `the email is ${verdict.direction}: only inbound senders are judged`
        : verdict.signals.some((s) => FORGED_FROM_SIGNALS.has(s.id))
          ? `the email failed authentication for ${sender}, so the address is probably forged`
          : null;
  const senderJudged = sender !== null && notJudged === null;
  if (senderJudged) {
    await store.learn([{ key: options.as === 'phishing' ? FeedbackKeys.phishOrg(sender) : FeedbackKeys.safeOrg(sender), at: options.at }]);
  }
  await store.appendAudit({
    at: options.at,
    actor: options.actor,
    action: 'message.report',
    subject: verdict.id,
    detail: { kind: options.as, reason: options.reason, sender, senderJudged, ...(notJudged ? { notJudged } : {}) },
  });
  return { sender, senderJudged, notJudged };
}
