import { orgVerdict, recipientVerdicts } from '../model/features/feedback.js';
import type { Signal } from '../signal.js';
import type { Check } from './check.js';

/**
 * A scoped mitigation: this sender's mail was reported safe, by every recipient of this email
 * themselves, or organisation-wide by enough distinct recipients. It explains unfamiliarity
 * (the policy lists which signals), never a spoof or a changed bank account.
 */
export const reportedSafe: Check = {
  id: 'REPORTED_SAFE',
  description: "This sender's mail was reported safe by each recipient here (or org-wide by several distinct recipients).",
  run({ who, view }): Signal | null {
    if (who.direction !== 'inbound' || !who.sender) return null;
    const org = orgVerdict(view, who.sender);
    if (org === 'safe') {
      return { id: this.id, strength: 1, evidence: { sender: who.sender, scope: 'organisation', reporters: [] }, summary: `several people here reported mail from ${who.sender} as safe` };
    }
    if (org === 'phish') return null;
    const reports = recipientVerdicts(view, who.sender, who.recipients);
    if (reports.length === 0 || reports.some((r) => r.report !== 'safe')) return null;
    return {
      id: this.id,
      strength: 1,
      evidence: { sender: who.sender, scope: 'relationship', reporters: reports.map((r) => r.recipient) },
      summary: `the recipient${reports.length > 1 ? 's' : ''} reported mail from ${who.sender} as safe before`,
    };
  },
};
