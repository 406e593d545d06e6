import { isInternalAddress } from '../../org.js';
import { ANY_VALUE, type ProfileKey, type ValuesQuery } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/** Co-recipients form a group only on small distributions: a mail to 500 people says nothing about who works together. */
export const MAX_CORECIPIENTS_FOR_GROUP = 6;
/** Recipients whose circle is read per email (each is one value-list read). */
export const MAX_RECIPIENTS_GROUPED = 5;
/** How many of a sender's correspondents, and of a recipient's peers, are compared. */
export const SENDER_CORRESPONDENTS_READ = 50;
export const PEERS_READ = 100;
/** Top of the organisation's "most written to" and "broadcasters" lists read for learned VIPs. */
export const VIP_CANDIDATES_READ = 25;
/** An internal email to at least this many colleagues is a broadcast ("sends to all"). */
export const BROADCAST_MIN_RECIPIENTS = 10;
/** People whose distinct-colleague count is read per email (sender + first recipients). */
const VIP_PEOPLE_READ = 10;

/**
 * Learned groups and VIPs from the internal mail graph. Peers: two colleagues who write to each
 * other, or who receive the same small distribution (inbound or internal), are in one circle.
 * VIPs: people many colleagues write to, and people who write to everyone.
 */
export const groupsFeature: ModelFeature = {
  name: 'groups',
  lookups({ who }) {
    const people = [who.sender, ...who.recipients].filter((p) => p.length > 0).slice(0, VIP_PEOPLE_READ);
    return people.map((p) => BehaviourKeys.writtenBy(p, ANY_VALUE));
  },
  valueLookups({ who }) {
    const queries: ValuesQuery[] = [BehaviourKeys.vipQuery('internalIn', VIP_CANDIDATES_READ), BehaviourKeys.vipQuery('broadcast', VIP_CANDIDATES_READ)];
    if (who.direction === 'inbound' && who.sender) {
      queries.push(
        BehaviourKeys.recipientsOfSenderQuery(who.sender, SENDER_CORRESPONDENTS_READ),
        BehaviourKeys.correspondentsOfSenderQuery(who.sender, SENDER_CORRESPONDENTS_READ),
        ...who.recipients.slice(0, MAX_RECIPIENTS_GROUPED).map((r) => BehaviourKeys.peersQuery(r, PEERS_READ)),
      );
    }
    return queries;
  },
  observations({ who, org }) {
    if (who.direction === 'outbound') return [];
    const keys: ProfileKey[] = [];
    const internal = who.recipients.filter((r) => isInternalAddress(org, r) && r !== who.sender);
    if (who.direction === 'internal' && who.sender) {
      for (const r of internal) {
        keys.push(BehaviourKeys.peer(r, who.sender), BehaviourKeys.peer(who.sender, r), BehaviourKeys.writtenBy(r, who.sender), BehaviourKeys.internalIn(r));
      }
      if (internal.length >= BROADCAST_MIN_RECIPIENTS) keys.push(BehaviourKeys.broadcast(who.sender));
    }
    if (internal.length >= 2 && internal.length <= MAX_CORECIPIENTS_FOR_GROUP) {
      for (const a of internal) for (const b of internal) if (a !== b) keys.push(BehaviourKeys.peer(a, b));
    }
    return keys;
  },
};
