import { listPhrase } from '../text.js';
import { orgVerdict, recipientVerdicts } from '../model/features/feedback.js';
import type { Signal } from '../signal.js';
import type { Check } from './check.js';

/**
 * People here reported this sender's mail as phishing. Organisation-wide once enough distinct
 * recipients agreed (strength 1); otherwise only for the recipients who reported it themselves
 * (a single report never speaks for anyone else's mailbox).
 */
export const reportedByUsers: Check = {
  id: 'REPORTED_BY_USERS',
  description: 'Recipients reported earlier mail from this sender as phishing (org-wide only after several distinct reporters).',
  run({ who, view }): Signal | null {
    if (who.direction !== 'inbound' || !who.sender) return null;
    if (orgVerdict(view, who.sender) === 'phish') {
      return { id: this.id, strength: 1, evidence: { sender: who.sender, scope: 'organisation', reporters: [] }, summary: `several people here reported mail from ${who.sender} as phishing` };
    }
    const reporters = recipientVerdicts(view, who.sender, who.recipients).filter((r) => r.report === 'phish').map((r) => r.recipient);
    if (reporters.length === 0) return null;
    return {
      id: this.id,
      strength: 0.8,
      evidence: { sender: who.sender, scope: 'relationship', reporters },
      summary: `${listPhrase(reporters)} reported mail from ${who.sender} as phishing`,
    };
  },
};
