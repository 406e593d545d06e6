import type { ActionPlan } from '../verdict.js';
import { finish, linked, plain, type Sentence, type Span } from './span.js';

const DELIVERY: Readonly<Record<string, string>> = {
  deliver: 'delivered it',
  banner: 'delivered it with a warning banner',
  junk: 'moved it to the junk folder',
  hold: 'held it for review',
};
const LINKS: Readonly<Record<string, string>> = {
  lock: 'locked its links, so each is checked again when clicked',
  double_lock: 'locked its links behind an extra warning',
  remove: 'removed its links',
};
const ATTACHMENTS: Readonly<Record<string, string>> = {
  convert: 'turned its attachment into a safe copy',
  strip: 'removed its attachment',
};
/** Stronger steps, as the subject of "... was not needed". */
const STEP: Readonly<Record<string, string>> = {
  banner: 'a warning banner',
  junk: 'moving it to junk',
  hold: 'holding it',
  lock: 'locking its links',
  double_lock: 'an extra link warning',
  remove: 'removing its links',
  convert: 'converting the attachment',
  strip: 'removing the attachment',
};

/** Whether belong did anything beyond plain delivery. */
export function acted(actions: ActionPlan): boolean {
  return actions.delivery !== 'deliver' || actions.links !== 'none' || actions.attachments !== 'none';
}

/** What belong did, and why the next stronger step was not taken (the least aggressive action that does). */
export function actionSentences(actions: ActionPlan, statedIntent = false): Sentence[] {
  const done = [DELIVERY[actions.delivery] ?? actions.delivery, LINKS[actions.links], ATTACHMENTS[actions.attachments]].filter((s): s is string => !!s);
  const last = done.pop() ?? '';
  const did: Span[] = [plain('belong '), linked(done.length > 0 ? `${done.join(', ')} and ${last}` : last, 'action', 'delivery')];
  const sentences = [finish(did)];
  const next = actions.notTaken.find((n) => n.area === 'delivery') ?? (actions.delivery === 'deliver' ? undefined : actions.notTaken.find((n) => !/ has no /.test(n.reason)));
  const step = next ? STEP[next.action] : undefined;
  if (next && step) sentences.push(finish([plain(`${step} was not needed: `), linked(why(next.reason, statedIntent, next.area === 'delivery' ? actions : undefined), 'action', next.area)]));
  return sentences;
}

/** Planner reason clauses a reader can follow, in order of how much they explain; codes and tag names never pass through. */
const CLAUSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/no ATTACHMENT_EXECUTABLE/, 'the attachment is not a program in disguise'],
  [/no Suspicious Attachment tag/, 'nothing marks the attachment as dangerous'],
  [/no Credential Harvesting tag/, 'it is not after a password'],
  [/no Suspicious Link tag/, 'nothing marks the links as dangerous'],
  [/the email has no links/, 'the email has no links'],
  [/the email has no attachments/, 'the email has no attachments'],
];

/**
 * The planner's reason in plain words. Its reasons are written for analysts (they name signal
 * ids and tags), so only the parts recognised here are retold, the most telling one first.
 */
export function why(reason: string, statedIntent: boolean, actions?: ActionPlan): string {
  for (const [pattern, clause] of CLAUSES) if (pattern.test(reason)) return clause;
  const score = /score (\d+(?:\.\d+)?) (?:<|is below) (\d+(?:\.\d+)?)/.exec(reason);
  if (score) return `its score of ${score[1]} is below ${score[2]}`;
  // The planner reads the structural asks; when the narrative already names an intent, "asks for nothing" would contradict it.
  if (/does not ask for/.test(reason) && !statedIntent) return 'it asks for no money or password';
  if (/no [a-z+]* ?identity\/authentication tag/.test(reason)) return 'nothing shows a forged or faked sender';
  // The least aggressive step: once the part that carries the risk is defused, the email may stay.
  if (actions && actions.links !== 'none') return 'with its links defused, the email itself can stay';
  if (actions && actions.attachments !== 'none') return 'with its attachment defused, the email itself can stay';
  return 'nothing in it called for that';
}
