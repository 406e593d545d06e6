import { namedGroupsOf } from '../behaviour/vips.js';
import { BehaviourKeys } from '../model/behaviour-keys.js';
import { MAX_RECIPIENTS_GROUPED, PEERS_READ, SENDER_CORRESPONDENTS_READ } from '../model/features/groups.js';
import { listPhrase } from '../text.js';
import { confidenceFrom, round2, type Check } from './check.js';

/** The sender must have written to us this often to be "known to the organisation". */
const MIN_SENDER_MESSAGES = 3;

export const knownSenderNewGroup: Check = {
  id: 'KNOWN_SENDER_NEW_GROUP',
  description: "A sender known to the organisation writes to someone outside every circle they correspond with (neither the recipient nor the recipient's learned or named group).",
  run({ who, facts, view, org }) {
    if (who.direction !== 'inbound' || !who.sender) return null;
    if (facts.sender.messagesIn < MIN_SENDER_MESSAGES) return null;
    // A sender who writes to more people than we read is known broadly; their circle cannot be judged from a sample.
    if (facts.sender.peopleWrittenTo >= SENDER_CORRESPONDENTS_READ || facts.sender.peopleWhoWrote >= SENDER_CORRESPONDENTS_READ) return null;
    const fresh = facts.recipients.slice(0, MAX_RECIPIENTS_GROUPED).filter((r) => r.fromSender === 0 && r.toSender === 0);
    if (fresh.length === 0 || fresh.length < Math.min(facts.recipients.length, MAX_RECIPIENTS_GROUPED)) return null;
    const senderCircle = new Set([
      ...view.values(BehaviourKeys.recipientsOfSenderQuery(who.sender, SENDER_CORRESPONDENTS_READ)).map((v) => v.value),
      ...view.values(BehaviourKeys.correspondentsOfSenderQuery(who.sender, SENDER_CORRESPONDENTS_READ)).map((v) => v.value),
    ]);
    let groupSize = 0;
    const groups = new Set<string>();
    for (const r of fresh) {
      const named = namedGroupsOf(r.address, org);
      named.forEach((g) => groups.add(g));
      const members = [...view.values(BehaviourKeys.peersQuery(r.address, PEERS_READ)).map((v) => v.value), ...named.flatMap((g) => org.groups?.[g] ?? [])].map((m) => m.toLowerCase());
      const circle = new Set(members.filter((m) => m !== r.address));
      if ([...circle].some((m) => senderCircle.has(m))) return null;
      groupSize = Math.max(groupSize, circle.size);
    }
    // Without a known group this is only FIRST_CONTACT_RECIPIENT again: the group adds the strength.
    const strength = round2(confidenceFrom(facts.sender.messagesIn, 10) * confidenceFrom(groupSize, 2));
    if (strength === 0) return null;
    return {
      id: this.id,
      strength,
      evidence: {
        sender: who.sender,
        recipientsOutsideCircle: fresh.map((r) => r.address),
        senderPeopleWrittenTo: facts.sender.peopleWrittenTo,
        senderMessages: facts.sender.messagesIn,
        recipientGroupSize: groupSize,
        namedGroups: [...groups].sort(),
      },
      summary: `${who.sender} writes to ${facts.sender.peopleWrittenTo} people here, none of them in ${listPhrase(fresh.map((r) => r.address))}'s circle`,
    };
  },
};
