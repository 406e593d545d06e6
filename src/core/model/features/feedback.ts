import { key, type Counter, type ProfileKey, type ProfileView } from '../../profile.js';
import type { ModelFeature } from '../feature.js';

/**
 * What people reported about a sender ("phishing" / "safe"). Never learned from mail itself:
 * only the feedback path (src/engine/feedback.ts) writes these keys, so an attacker's mail
 * cannot vote. A report is scoped: ('address', sender, 'reportedPhish', reporter) speaks for
 * that one relationship; the organisation-wide key is written only once enough *distinct*
 * recipients agree (threshold in config), so one person, or one attacker, cannot move the
 * whole organisation. Counters only grow, so a later opposite report wins by last-seen time.
 */
export const FeedbackKeys = {
  phishBy: (sender: string, reporter: string): ProfileKey => key('address', sender, 'reportedPhish', reporter),
  safeBy: (sender: string, reporter: string): ProfileKey => key('address', sender, 'reportedSafe', reporter),
  phishOrg: (sender: string): ProfileKey => key('address', sender, 'reportedPhishOrg', 'confirmed'),
  safeOrg: (sender: string): ProfileKey => key('address', sender, 'reportedSafeOrg', 'confirmed'),
} as const;

/** Recipients looked up per email; reports about the rest still count through the org-wide key. */
const MAX_RECIPIENTS = 20;

/** 'phish' | 'safe' by the newest of the two counters; null when neither exists. */
export function latestReport(phish: Counter | undefined, safe: Counter | undefined): 'phish' | 'safe' | null {
  if (!phish && !safe) return null;
  if (!safe) return 'phish';
  if (!phish) return 'safe';
  return phish.lastSeen > safe.lastSeen ? 'phish' : 'safe';
}

export function orgVerdict(view: ProfileView, sender: string): 'phish' | 'safe' | null {
  return latestReport(view.get(FeedbackKeys.phishOrg(sender)), view.get(FeedbackKeys.safeOrg(sender)));
}

export function recipientVerdicts(view: ProfileView, sender: string, recipients: readonly string[]): Array<{ recipient: string; report: 'phish' | 'safe' | null }> {
  return recipients.slice(0, MAX_RECIPIENTS).map((recipient) => ({ recipient, report: latestReport(view.get(FeedbackKeys.phishBy(sender, recipient)), view.get(FeedbackKeys.safeBy(sender, recipient))) }));
}

export const feedbackFeature: ModelFeature = {
  name: 'feedback',
  lookups({ who }) {
    if (who.direction !== 'inbound' || !who.sender) return [];
    const perRecipient = who.recipients.slice(0, MAX_RECIPIENTS).flatMap((r) => [FeedbackKeys.phishBy(who.sender, r), FeedbackKeys.safeBy(who.sender, r)]);
    return [FeedbackKeys.phishOrg(who.sender), FeedbackKeys.safeOrg(who.sender), ...perRecipient];
  },
  observations() {
    return [];
  },
};
