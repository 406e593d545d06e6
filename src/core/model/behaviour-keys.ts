import { ANY_VALUE, key, type ProfileKey, type ValuesQuery } from '../profile.js';
import type { InfrastructureDimension } from '../behaviour/infrastructure.js';

/**
 * Keys for the per-sender behaviour features (infrastructure, hours, volume, threads, habits,
 * groups, VIPs). As with `email-keys.ts`, learners and checks build keys only here.
 *
 * - address X / domain D 'sent': messages X (any sender at D) sent; the denominator of every habit.
 * - 'infra:<dimension>' value v: X's mail came over network / host / DKIM signer / mailer v.
 * - 'how' value 0..167: hour of the week (UTC) X wrote at.   'day' value YYYY-MM-DD: X's mail that day.
 * - 'width' value bucket: how many of our people one email from X went to.
 * - 'habitLinkDomain' value d, 'habit' value h: X's link domains and content habits (kept apart from
 *   ContentKeys' sender link domains so the two features never double-count one key).
 * - thread <Message-ID> 'seen': the organisation saw that message.
 * - recipient R 'peer' value P: R and P correspond internally or receive mail together (learned group).
 * - person P 'writtenBy' value Q: colleague Q wrote to P.  org 'internalIn' / 'broadcast' value P: VIP evidence.
 */
export type Level = 'address' | 'domain' | 'org';

export const BehaviourKeys = {
  sent: (level: Level, id: string): ProfileKey => key(level, level === 'org' ? '' : id, 'sent'),
  infra: (level: Level, id: string, dimension: InfrastructureDimension, value: string): ProfileKey => key(level, level === 'org' ? '' : id, `infra:${dimension}`, value),
  /** Every value of one infrastructure dimension, summarised: how many sightings that dimension has for the entity. */
  infraTotal: (level: Level, id: string, dimension: InfrastructureDimension): ProfileKey => key(level, level === 'org' ? '' : id, `infra:${dimension}`, ANY_VALUE),
  // Hour of the day (UTC), not of the week: 24 values per profile keep the per-message read small
  // (3 lists of 24 rows); the weekend is reported from the message itself.
  hourOfDay: (level: Level, id: string, hour: number): ProfileKey => key(level, level === 'org' ? '' : id, 'hod', String(hour)),
  hoursQuery: (level: Level, id: string): ValuesQuery => ({ entity: level, id: level === 'org' ? '' : id, feature: 'hod', limit: 24 }),
  day: (address: string, day: string): ProfileKey => key('address', address, 'day', day),
  busiestDaysQuery: (address: string, limit: number): ValuesQuery => ({ entity: 'address', id: address, feature: 'day', limit }),
  width: (address: string, bucket: string): ProfileKey => key('address', address, 'width', bucket),
  widthQuery: (address: string): ValuesQuery => ({ entity: 'address', id: address, feature: 'width', limit: 6 }),
  linkDomain: (address: string, domain: string): ProfileKey => key('address', address, 'habitLinkDomain', domain),
  habit: (address: string, habit: string): ProfileKey => key('address', address, 'habit', habit),
  thread: (messageId: string): ProfileKey => key('thread', messageId, 'seen'),
  peer: (recipient: string, peer: string): ProfileKey => key('recipient', recipient, 'peer', peer),
  peersQuery: (recipient: string, limit: number): ValuesQuery => ({ entity: 'recipient', id: recipient, feature: 'peer', limit }),
  writtenBy: (person: string, colleague: string): ProfileKey => key('person', person, 'writtenBy', colleague),
  internalIn: (person: string): ProfileKey => key('org', '', 'internalIn', person),
  broadcast: (person: string): ProfileKey => key('org', '', 'broadcast', person),
  vipQuery: (feature: 'internalIn' | 'broadcast', limit: number): ValuesQuery => ({ entity: 'org', id: '', feature, limit }),
  /** The relationship feature's "X wrote to our person R" list, read as a value list. */
  recipientsOfSenderQuery: (address: string, limit: number): ValuesQuery => ({ entity: 'address', id: address, feature: 'in', limit }),
  correspondentsOfSenderQuery: (address: string, limit: number): ValuesQuery => ({ entity: 'address', id: address, feature: 'out', limit }),
} as const;
