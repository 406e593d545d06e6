import type { Message } from './message.js';
import type { Policy } from './policy.js';
import type { ActionPlan } from './verdict.js';

type Rung<A extends string> = { readonly action: A; readonly minScore: number };
type NotTaken = ActionPlan['notTaken'][number];

/**
 * Per area, the strongest rung the score reaches (the ladder is ordered by minScore), plus the
 * next rung up as "not taken" with why. The full least-aggressive planner — which weighs the
 * threat of each part rather than the score alone — is a later issue; this keeps its shape.
 */
function climb<A extends string>(
  area: NotTaken['area'],
  ladder: ReadonlyArray<Rung<A>>,
  score: number,
  applies: boolean,
  floor: A,
  notTaken: NotTaken[],
): A {
  const sorted = [...ladder].sort((a, b) => a.minScore - b.minScore);
  let chosen: A = floor;
  for (const rung of sorted) if (applies && score >= rung.minScore) chosen = rung.action;
  const next = sorted.find((rung) => !applies || score < rung.minScore);
  if (next) {
    notTaken.push({
      area,
      action: next.action,
      reason: applies ? `score ${score} is below ${next.minScore}` : `the email has no ${area}`,
    });
  }
  return chosen;
}

export function planActions(message: Message, score: number, policy: Policy): ActionPlan {
  const notTaken: NotTaken[] = [];
  const delivery = climb('delivery', policy.delivery, score, true, 'deliver', notTaken);
  const links = climb('links', policy.links, score, message.links.length > 0, 'none', notTaken);
  const attachments = climb('attachments', policy.attachments, score, message.attachments.length > 0, 'none', notTaken);
  return { delivery, links, attachments, notTaken };
}
