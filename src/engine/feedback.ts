import { FeedbackKeys, latestReport } from '../core/model/features/feedback.js';
import { valuesKeyString, type ValueCounter } from '../core/profile.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import type { Store } from '../store/store.js';

export type ReportKind = 'phishing' | 'safe';

export interface ReportOptions {
  readonly store: Store;
  readonly verdictId: string;
  readonly as: ReportKind;
  /** Who reports: must be one of the email's recipients (their mailbox is what they speak for). */
  readonly actor: string;
  readonly at: number;
  /** Distinct recipients agreeing before the verdict on the sender becomes organisation-wide. */
  readonly threshold: number;
}

export interface ReportOutcome {
  readonly sender: string;
  readonly scope: 'relationship' | 'organisation';
  /** Distinct recipients whose latest report about this sender agrees with this one. */
  readonly agreeing: number;
}

/** Reporters read per sender when counting agreement; far above any sane threshold. */
const MAX_REPORTERS = 200;

/**
 * "Report as phishing" / "report as safe" as model feedback that an attacker cannot use to
 * poison it: the report is learned for the (sender → this recipient) relationship only; an
 * organisation-wide key is learned once `threshold` distinct recipients' latest reports agree.
 * The same person reporting again adds nothing (reporters are counted by distinct value), and
 * only a recipient of the reported email may report it (outsiders, including the sender, cannot
 * vote). Counters never shrink, so a later opposite report wins by recency (see latestReport).
 */
export async function reportMessage(options: ReportOptions): Promise<ReportOutcome> {
  const { store } = options;
  const stored = await store.getVerdict(options.verdictId);
  if (!stored) throw new BelongError(ERROR_CODES.USAGE, 'no such verdict', options.verdictId);
  const sender = stored.verdict.from?.toLowerCase() ?? '';
  if (!sender) throw new BelongError(ERROR_CODES.USAGE, 'the email has no sender address to report', options.verdictId);
  const reporter = options.actor.trim().toLowerCase();
  if (!stored.verdict.recipients.some((r) => r.toLowerCase() === reporter)) {
    throw new BelongError(ERROR_CODES.USAGE, `${reporter} did not receive this email; only its recipients can report it`, options.verdictId);
  }
  if (reporter === sender) throw new BelongError(ERROR_CODES.USAGE, 'a sender cannot report their own email', options.verdictId);
  const phishing = options.as === 'phishing';
  await store.learn([{ key: phishing ? FeedbackKeys.phishBy(sender, reporter) : FeedbackKeys.safeBy(sender, reporter), at: options.at }]);

  const agreeing = await countAgreeing(store, sender, phishing ? 'phish' : 'safe');
  const scope = agreeing >= options.threshold ? 'organisation' : 'relationship';
  if (scope === 'organisation') await store.learn([{ key: phishing ? FeedbackKeys.phishOrg(sender) : FeedbackKeys.safeOrg(sender), at: options.at }]);
  await store.appendAudit({ at: options.at, actor: reporter, action: `report.${options.as}`, subject: options.verdictId, detail: { sender, scope, agreeing, threshold: options.threshold } });
  return { sender, scope, agreeing };
}

async function countAgreeing(store: Store, sender: string, side: 'phish' | 'safe'): Promise<number> {
  const phishQuery = { entity: 'address', id: sender, feature: FeedbackKeys.phishBy(sender, '').feature, limit: MAX_REPORTERS };
  const safeQuery = { entity: 'address', id: sender, feature: FeedbackKeys.safeBy(sender, '').feature, limit: MAX_REPORTERS };
  const lists = await store.readValues([phishQuery, safeQuery]);
  const byReporter = (list: readonly ValueCounter[] | undefined) => new Map((list ?? []).map((v) => [v.value, v.counter]));
  const phish = byReporter(lists.get(valuesKeyString(phishQuery)));
  const safe = byReporter(lists.get(valuesKeyString(safeQuery)));
  let agreeing = 0;
  for (const reporter of new Set([...phish.keys(), ...safe.keys()])) {
    if (latestReport(phish.get(reporter), safe.get(reporter)) === side) agreeing += 1;
  }
  return agreeing;
}
