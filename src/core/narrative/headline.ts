import type { Policy } from '../policy.js';
import type { Verdict } from '../verdict.js';
import { INTENT_SHORT, type Intent } from './intent.js';

const SEVERITY_RANK: Readonly<Record<string, number>> = { high: 3, medium: 2, low: 1, info: 0 };

/** Tags as a reader names them. */
const TAG_PHRASE: Readonly<Record<string, string>> = {
  'First Contact': 'a first-time sender',
  'New Domain': 'a never-seen domain',
  'Reply-To Divergence': 'a diverted reply address',
  'Return-Path Divergence': 'an odd bounce address',
  Spoof: 'a forged sender',
  'Authentication Failure': 'a sender that failed its checks',
  'Relationship Extension': 'a sender reaching new people',
  'Dormant Sender': 'a sender back from silence',
  'Volume Spike': 'a burst of mail',
  'Wide Distribution': 'a mass mailing',
  'Unusual Infrastructure': 'mail from new servers',
  'Unusual Hour': 'mail at an odd hour',
  'Fake Reply': 'a fake reply',
  'Out of Character': 'a sender acting unlike itself',
  'Account Takeover': 'a possibly hijacked account',
  'Lookalike Domain': 'a lookalike domain',
  Impersonation: 'an impersonation',
  'Confusable Characters': 'look-alike letters',
  'Organisation Name Misuse': 'misuse of our name',
  Solicitation: 'a scam request',
  'Payment Request': 'a payment request',
  'Bank Details Changed': 'changed bank details',
  'Credential Harvesting': 'password phishing',
  'Suspicious Link': 'a suspicious link',
  'Suspicious Attachment': 'a dangerous attachment',
  'Rare Attachment Type': 'an unusual attachment',
};

function actionWord(actions: Verdict['actions']): string {
  if (actions.delivery === 'hold') return 'Held';
  if (actions.delivery === 'junk') return 'Junked';
  if (actions.delivery === 'banner') return 'Flagged';
  if (actions.links !== 'none' || actions.attachments !== 'none') return 'Defused';
  return 'Noted';
}

/** The most severe tag (policy order breaks ties). */
export function leadTag(tags: readonly string[], policy: Policy): string | null {
  const rank = (t: string) => SEVERITY_RANK[policy.tags.find((r) => r.name === t)?.severity ?? 'info'] ?? 0;
  return [...tags].sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

/** "Held: a lookalike domain from ap@acme-b1lling.com, asking for a payment". */
export function headlineOf(verdict: Pick<Verdict, 'tags' | 'actions' | 'from'>, intent: Intent | null, policy: Policy): string {
  const tag = leadTag(verdict.tags, policy);
  const what = tag ? (TAG_PHRASE[tag] ?? tag.toLowerCase()) : 'an unusual email';
  const from = verdict.from ? ` from ${verdict.from}` : '';
  // A content tag ("password phishing") already says what the sender wants.
  const content = policy.tags.find((r) => r.name === tag)?.category === 'content';
  return `${actionWord(verdict.actions)}: ${what}${from}${intent && !content ? `, ${INTENT_SHORT[intent]}` : ''}`;
}
