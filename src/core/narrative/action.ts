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
export function actionSentences(actions: ActionPlan): Sentence[] {
  const done = [DELIVERY[actions.delivery] ?? actions.delivery, LINKS[actions.links], ATTACHMENTS[actions.attachments]].filter((s): s is string => !!s);
  const last = done.pop() ?? '';
  const did: Span[] = [plain('belong '), linked(done.length > 0 ? `${done.join(', ')} and ${last}` : last, 'action', 'delivery')];
  const sentences = [finish(did)];
  const next = actions.notTaken.find((n) => n.area === 'delivery') ?? (actions.delivery === 'deliver' ? undefined : actions.notTaken.find((n) => !/ has no /.test(n.reason)));
  const step = next ? STEP[next.action] : undefined;
  if (next && step) sentences.push(finish([plain(`${step} was not needed: `), linked(why(next.reason), 'action', next.area)]));
  return sentences;
}

/**
 * The planner's reason in plain words. Its reasons are written for analysts (they may name
 * signal ids), so only the parts recognised here are retold; the rest becomes a general clause.
 */
export function why(reason: string): string {
  const score = /score (\d+(?:\.\d+)?) (?:<|is below) (\d+(?:\.\d+)?)/.exec(reason);
  if (score) return `its score of ${score[1]} is below ${score[2]}`;
  if (/does not ask for/.test(reason)) return 'it asks for no money or password';
  const none = /the email has no \w+/.exec(reason);
  return none ? none[0] : 'nothing in it called for that';
}
