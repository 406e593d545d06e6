import { habitsOf, linkDomainsOf } from '../behaviour/habits.js';
import { hourFinding, infrastructureFindings, senderMessages, type DeviationInput } from '../behaviour/sender-deviations.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import type { EmailFacts } from '../model/facts.js';
import { DAY_MS } from '../profile.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** "Established": a sender with this many messages over at least this many days has habits to break. */
const MIN_SENDER_MESSAGES = 5;
const MIN_DAYS_KNOWN = 14;
/** At least this many recipients new to the sender, and most of them, is "new recipients en masse". */
const MIN_NEW_RECIPIENTS = 3;
/** Messages at which a sender's habits are half-trusted. */
const SENDER_HISTORY_HALF = 10;

type Habit = 'linkDomains' | 'infrastructure' | 'recipients' | 'content' | 'hour';
/** How telling each broken habit is on its own; one broken habit is ordinary life, two or more together are not. */
const HABIT_WEIGHT: Readonly<Record<Habit, number>> = { linkDomains: 0.5, infrastructure: 0.45, recipients: 0.4, content: 0.35, hour: 0.3 };

interface Broken {
  readonly habit: Habit;
  readonly detail: string;
}

function brokenHabits(input: DeviationInput, facts: EmailFacts, sent: number): Broken[] {
  const { message, who, view } = input;
  const broken: Broken[] = [];
  const linkMessages = view.count(BehaviourKeys.habit(who.sender, 'link'));
  const newLinkDomains = linkDomainsOf(message).filter((d) => d !== who.senderDomain && view.count(BehaviourKeys.linkDomain(who.sender, d)) === 0);
  if (newLinkDomains.length > 0) broken.push({ habit: 'linkDomains', detail: `links to ${newLinkDomains.join(', ')}; links in ${linkMessages} of ${sent} earlier messages, never to these` });
  const infra = infrastructureFindings(input).filter((f) => f.senderMessages >= MIN_SENDER_MESSAGES);
  if (infra.length > 0) broken.push({ habit: 'infrastructure', detail: `new ${infra.map((f) => `${f.dimension} ${f.value}`).join(', ')}` });
  const fresh = facts.recipients.filter((r) => r.fromSender === 0 && r.toSender === 0);
  if (fresh.length >= MIN_NEW_RECIPIENTS && fresh.length * 2 > facts.recipients.length) {
    broken.push({ habit: 'recipients', detail: `${fresh.length} of ${facts.recipients.length} recipients never written to before (wrote to ${facts.sender.peopleWrittenTo} people)` });
  }
  const newContent = habitsOf(message).filter((h) => h !== 'link' && view.count(BehaviourKeys.habit(who.sender, h)) === 0);
  if (newContent.length > 0) broken.push({ habit: 'content', detail: `first ${newContent.join(', ')} in ${sent} messages` });
  const hour = hourFinding(input);
  if (hour) broken.push({ habit: 'hour', detail: `${hour.hourUtc}:00 UTC, usually ${hour.usualHoursUtc.join('/')}h` });
  return broken;
}

export const outOfCharacter: Check = {
  id: 'OUT_OF_CHARACTER',
  description: 'A known sender with established habits breaks several of them at once (new link domains, recipients, infrastructure, hour or content): a hijacked account looks like this.',
  run(context) {
    const { who, view, now, facts } = context;
    if (!who.sender) return null;
    const sent = senderMessages(view, who.sender);
    const firstSeen = view.get(BehaviourKeys.sent('address', who.sender))?.firstSeen ?? now;
    const daysKnown = Math.floor((now - firstSeen) / DAY_MS);
    if (sent < MIN_SENDER_MESSAGES || daysKnown < MIN_DAYS_KNOWN) return null;
    const broken = brokenHabits(context, facts, sent);
    if (broken.length < 2) return null;
    const unexplained = broken.reduce((acc, b) => acc * (1 - HABIT_WEIGHT[b.habit]), 1);
    const strength = round2(confidenceFrom(sent, SENDER_HISTORY_HALF) * (1 - unexplained));
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        direction: who.direction,
        brokenHabits: broken.map((b) => b.habit),
        details: broken.map((b) => `${b.habit}: ${b.detail}`),
        senderMessages: sent,
        senderDaysKnown: daysKnown,
      },
      summary: `${who.sender}, known for ${daysKnown} days and ${sent} messages, breaks ${broken.length} habits at once (${broken.map((b) => b.habit).join(', ')})`,
    };
  },
};
