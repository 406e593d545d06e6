import { int, str, strs } from '../evidence.js';
import { count, listOf, num } from '../grammar.js';
import { finish, linked, plain, type Span } from '../span.js';
import { senderSpan, signalOf, type Realiser } from './realiser.js';

/** Who the sender is to us: first contact, new domain, first time to this recipient, back from silence, outside its circle. */
export const realiseSender: Realiser = (fact, verdict) => {
  const org = signalOf(fact, 'FIRST_CONTACT_ORG');
  const domain = signalOf(fact, 'NEW_SENDER_DOMAIN');
  const recipient = signalOf(fact, 'FIRST_CONTACT_RECIPIENT');
  const dormant = signalOf(fact, 'DORMANT_SENDER');
  const group = signalOf(fact, 'KNOWN_SENDER_NEW_GROUP');
  const who = senderSpan(org ?? recipient ?? dormant ?? group, verdict);
  const domainName = str(org ?? domain, 'senderDomain');
  const learned = int(domain, 'orgMessagesLearned');
  const newDomain: Span[] =
    domain && domainName && learned !== null
      ? [linked(domainName, 'domain', domainName), plain(` has never appeared in the ${num(learned)} emails belong has learned`)]
      : [];

  if (org) {
    if (domain && domainName) {
      return finish([plain('nobody here has had mail from '), who, plain(' or anyone at '), linked(domainName, 'domain', domainName), plain(' before')]);
    }
    if (str(org, 'domainPrevalence') === 'new') return finish([plain('nobody here has had mail from '), who, plain(' before')]);
    const people = int(org, 'domainPeopleWrittenTo') ?? 0;
    if (domainName && people > 0) {
      return finish([who, plain(' is new here, though others at '), linked(domainName, 'domain', domainName), plain(` have written to ${count(people, 'person', 'people')} here`)]);
    }
    return finish([plain('nobody here has exchanged mail with '), who, plain(' before')]);
  }
  if (newDomain.length > 0) return finish([plain('the domain '), ...newDomain]);
  if (recipient) {
    const people = int(recipient, 'senderPeopleWrittenTo') ?? 0;
    const days = int(recipient, 'senderDaysKnown') ?? 0;
    const whom = listOf(strs(recipient, 'newRecipients'), 'recipient');
    if (whom.length === 0) return null;
    if (people === 0) return finish([who, plain(' has never written to '), ...whom, plain(' before')]);
    const sender = str(recipient, 'sender') ?? '';
    return finish([
      who,
      plain(' has written to '),
      linked(`${count(people, 'person', 'people')} here`, 'relationship', sender),
      plain(days > 0 ? ` over ${count(days, 'day')}` : ''),
      plain(', but never to '),
      ...whom,
    ]);
  }
  if (dormant) {
    const silent = int(dormant, 'silentDays');
    const before = int(dormant, 'messagesBefore');
    const span = int(dormant, 'historySpanDays');
    if (silent === null) return null;
    const history = before !== null && span !== null ? `, after ${count(before, 'email')} over ${count(span, 'day')}` : '';
    return finish([who, plain(` writes again after ${count(silent, 'day')} of silence${history}`)]);
  }
  if (group) {
    const people = int(group, 'senderPeopleWrittenTo') ?? 0;
    const outside = listOf(strs(group, 'recipientsOutsideCircle'), 'recipient');
    if (outside.length === 0) return null;
    return finish([who, plain(` writes to ${count(people, 'person', 'people')} here, but never before to anyone close to `), ...outside]);
  }
  return null;
};
