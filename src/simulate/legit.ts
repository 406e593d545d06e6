/**
 * The organisation's legitimate mail: internal threads, inbound and outbound threads with
 * vendors, customers and partners, monthly vendor invoices (PDF, consistent bank details),
 * newsletters, first contacts from prospects, and a few realistic oddities that must not be
 * flagged (a vendor's second domain, a colleague's announced new address, a partner moving
 * domain, a vendor changing mail provider, an executive writing from a personal address).
 */
import { DAY, infraTransport, isWeekend, MINUTE, messageId, money, type SimMail, workMoment } from './compose.js';
import { conversation, type Speaker, type Turn } from './conversation.js';
import { makePdf, makeXlsx } from './files.js';
import { formatIban } from './iban.js';
import type { Company, Contact, Infra, Org, Person } from './org.js';
import type { AttachmentSpec } from './render.js';
import type { Rng } from './rng.js';
import { type AddressChange, contactSpeaker, personAt, personSpeaker } from './speakers.js';
import {
  CUSTOMER_TOPICS, fill, FIRST_CONTACT_LINES, INTERNAL_LINES, INTERNAL_TOPICS, MONTHS, NEWSLETTER_HEADLINES, OPENERS, OUTBOUND_CUSTOMER_TOPICS,
  OUTBOUND_VENDOR_TOPICS, PARTNER_TOPICS, REPLY_LINES, VENDOR_TOPICS,
} from './topics.js';

export interface Timeline {
  /** Midnight UTC of the first learn day. */
  readonly start: number;
  readonly testStart: number;
  readonly end: number;
  /** Volume multiplier: 1 for the default scale, 0.1 for small. */
  readonly rate: number;
}

/** Daily conversation starts per weekday at rate 1 (tuned for ~4,000 learn + ~1,000 test messages). */
const DAILY = { internal: 3.9, vendorInbound: 0.7, vendorOutbound: 0.65, customerInbound: 1.0, customerOutbound: 0.95, partner: 0.5 };
/** The test month is busier (quarter end), so it holds ~1,000 legitimate messages at rate 1. */
const TEST_BUSIER = 1.25;

function count(rng: Rng, mean: number): number {
  const jittered = mean * (0.7 + rng.float() * 0.6);
  return Math.floor(jittered) + (rng.chance(jittered % 1) ? 1 : 0);
}

const firstName = (name: string): string => name.split(' ')[0] ?? name;

function body(rng: Rng, to: string, lines: readonly string[], n: number): string {
  return `${fill(rng.pick(OPENERS), { name: firstName(to) })}\n\n${rng.sample(lines, n).join(' ')}`;
}

function ref(rng: Rng): string {
  return `${rng.pick(['PO', 'SO', 'ORD'])}-${rng.int(10000, 99999)}`;
}

class LegitTraffic {
  readonly out: SimMail[] = [];
  readonly changes: AddressChange[] = [];
  /** Vendors that moved to a new mail provider (same domain, new servers), by name. */
  private readonly migrated = new Map<string, Infra>();

  constructor(
    private readonly org: Org,
    private readonly rng: Rng,
    private readonly time: Timeline,
  ) {}

  private speaker(person: Person, at: number): Speaker {
    return personSpeaker(this.org, personAt(person, at, this.changes));
  }

  /** A contact of a company; the vendor's second domain is used for a share of its mail. */
  private contactAt(company: Company, at: number): Contact {
    const contact = this.rng.pick(company.contacts);
    const moved = this.changes.find((c) => c.who === contact.address && at >= c.at);
    if (moved) return { name: moved.name, address: moved.address };
    if (company.altDomain && company.kind === 'vendor' && this.rng.chance(0.15)) {
      return { name: contact.name, address: `${contact.address.split('@')[0]}@${company.altDomain}` };
    }
    return contact;
  }

  private companySpeaker(company: Company, contact: Contact): Speaker {
    const speaker = contactSpeaker(company, contact);
    const moved = this.migrated.get(company.name);
    if (!moved || !contact.address.endsWith(`@${company.domain}`)) return speaker;
    return { ...speaker, transport: infraTransport(moved, contact.address), mailer: moved.mailer };
  }

  private replies(first: Speaker, second: Speaker, opening: string, max: number): Turn[] {
    const turns: Turn[] = [{ speaker: first, body: opening, html: this.rng.chance(0.4) }];
    const n = this.rng.int(0, max);
    for (let i = 0; i < n; i++) {
      const speaker = i % 2 === 0 ? second : first;
      const other = i % 2 === 0 ? first : second;
      turns.push({ speaker, body: body(this.rng, other.party.name, REPLY_LINES, this.rng.int(1, 2)), html: this.rng.chance(0.4) });
    }
    return turns;
  }

  internal(day: number): void {
    const rng = this.rng;
    const sender = rng.pick(this.org.people);
    const sameDept = this.org.people.filter((p) => p.department === sender.department && p !== sender);
    const others = this.org.people.filter((p) => p !== sender);
    const recipients = rng.sample(rng.chance(0.75) && sameDept.length > 0 ? sameDept : others, rng.weighted([[1, 6], [2, 3], [3, 1]] as const));
    const at = workMoment(rng, day, sender.offsetMinutes, sender.startHour, sender.endHour);
    const subject = fill(rng.pick(INTERNAL_TOPICS[sender.department]), {
      month: MONTHS[new Date(day).getUTCMonth()] ?? '',
      customer: rng.pick(this.org.customers).name,
      n: String(rng.int(1, 30)),
    });
    const me = this.speaker(sender, at);
    const them = recipients.map((r) => this.speaker(r, at));
    const first = them[0];
    if (!first) return;
    const turns = this.replies(me, first, body(rng, first.party.name, INTERNAL_LINES, rng.int(2, 4)), 3);
    this.out.push(...conversation(rng, at, subject, them, turns));
  }

  private companyThread(company: Company, day: number, inbound: boolean, topics: readonly string[]): void {
    const rng = this.rng;
    const person = rng.pick(company.owners);
    const at = inbound ? workMoment(rng, day, company.offsetMinutes, 8, 18) : workMoment(rng, day, person.offsetMinutes, person.startHour, person.endHour);
    const contact = this.contactAt(company, at);
    const ours = this.speaker(person, at);
    const theirs = this.companySpeaker(company, contact);
    const subject = fill(rng.pick(topics), { ref: ref(rng), day: rng.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']), customer: company.name });
    const [first, second] = inbound ? [theirs, ours] : [ours, theirs];
    const turns = this.replies(first, second, body(rng, second.party.name, INTERNAL_LINES, rng.int(2, 3)), 3);
    const attachments: AttachmentSpec[] = [];
    if (company.kind === 'customer' && inbound && rng.chance(0.15)) {
      attachments.push({ filename: 'seat-list.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: makeXlsx([['Name', 'Email'], ['Team member', 'tbd']]) });
    }
    if (company.kind === 'customer' && !inbound && rng.chance(0.3)) {
      attachments.push({ filename: `${company.name.replace(/\s+/g, '-')}-proposal.pdf`, contentType: 'application/pdf', content: makePdf([`Proposal for ${company.name}`, `Prepared by ${person.name}, ${this.org.name}`, `Annual subscription: EUR ${money(rng, 8000, 60000)}`]) });
    }
    this.out.push(...conversation(rng, at, subject, [second], turns, { attachments }));
  }

  /** Monthly invoice from each vendor's billing contact to accounts payable, always the same bank details. */
  invoice(vendor: Company, day: number): void {
    const rng = this.rng;
    const account = vendor.account;
    const billing = vendor.contacts[0];
    const ap = vendor.owners[0];
    if (!account || !billing || !ap) return;
    const at = workMoment(rng, day, vendor.offsetMinutes, 8, 17);
    const number = `INV-${new Date(day).getUTCFullYear()}-${rng.int(1000, 9999)}`;
    const amount = money(rng, 400, 18000);
    const due = new Date(day + 30 * DAY).toISOString().slice(0, 10);
    const text = [
      `Dear ${firstName(ap.name)},`,
      '',
      `Please find attached invoice ${number} for ${vendor.business} (EUR ${amount}), due on ${due}.`,
      '',
      'Payment details:',
      `Account name: ${vendor.name}`,
      `Bank: ${account.bank}`,
      `IBAN: ${formatIban(account.iban)}`,
      `BIC: ${account.bic}`,
      `Reference: ${number}`,
      '',
      'Kind regards,',
    ].join('\n');
    const pdf = makePdf([`${vendor.name} - INVOICE ${number}`, `Bill to: ${this.org.name}`, `Amount due: EUR ${amount}`, `Due: ${due}`, `IBAN ${formatIban(account.iban)}  BIC ${account.bic}`]);
    const speaker = this.companySpeaker(vendor, billing);
    const turns: Turn[] = [{ speaker, body: text }];
    if (rng.chance(0.35)) turns.push({ speaker: this.speaker(ap, at), body: `Hi ${firstName(billing.name)},\n\nThanks, this is scheduled for the next payment run.` });
    this.out.push(...conversation(rng, at, `Invoice ${number} from ${vendor.name}`, [this.speaker(ap, at)], turns, { attachments: [{ filename: `${number}.pdf`, contentType: 'application/pdf', content: pdf }] }));
  }

  newsletter(index: number, day: number): void {
    const rng = this.rng;
    const news = this.org.newsletters[index];
    if (!news) return;
    const at = day + (7 * 60 + rng.int(0, 60)) * MINUTE;
    const headline = rng.pick(NEWSLETTER_HEADLINES);
    const issue = Math.floor((day - this.time.start) / DAY);
    const links = [
      { href: `https://www.${news.domain}/articles/${issue}-${rng.hex(6)}`, text: headline },
      { href: `https://www.${news.domain}/archive`, text: 'Read the archive' },
      { href: `https://click.bulkrelay-esp.example/t/${rng.hex(16)}`, text: 'Sponsored: a tool our readers like' },
    ];
    for (const subscriber of news.subscribers) {
      const to = personAt(subscriber, at, this.changes);
      const unsubscribe = `https://www.${news.domain}/unsubscribe?u=${rng.hex(12)}`;
      const text = `${news.name} - ${headline}\n\nThis week in ${news.topic}.\n\n${links.map((l) => `${l.text}: ${l.href}`).join('\n')}\n\nUnsubscribe: ${unsubscribe}\n`;
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${news.name}</title></head><body><table width="600"><tr><td><h1>${news.name}</h1><h2>${headline}</h2><p>This week in ${news.topic}.</p>${links.map((l) => `<p><a href="${l.href}">${l.text}</a></p>`).join('')}<p style="font-size:11px"><a href="${unsubscribe}">Unsubscribe</a></p></td></tr></table></body></html>\n`;
      this.out.push({
        label: 'legit',
        kind: '',
        spec: {
          id: messageId(rng, `mail.${news.domain}`),
          at: at + rng.int(0, 600) * 1000,
          offsetMinutes: 0,
          from: news.from,
          to: [{ name: to.name, address: to.address }],
          subject: `${news.name}: ${headline}`,
          text,
          html,
          listId: `${news.name} ${news.listId}`,
          listUnsubscribe: `<${unsubscribe}>, <mailto:unsubscribe@${news.domain}>`,
          mailer: news.infra.mailer,
          transport: { helo: news.infra.helo, rdns: news.infra.helo, ip: news.infra.ip, mailFrom: `bounce-${rng.hex(8)}@bulkrelay-esp.example`, spf: 'pass', dkim: { domain: news.domain, selector: news.infra.selector, result: 'pass' }, dmarc: 'pass' },
        },
      });
    }
  }

  /** A prospect nobody has written to before: a new business domain or a free-mail address. */
  firstContact(day: number, n: number): void {
    const rng = this.rng;
    const stems = ['bramble', 'cobalt', 'dunlin', 'elmstead', 'fallow', 'gorse', 'hazel', 'ironbark', 'juniper', 'kelp', 'linden', 'marram', 'nettle', 'osier'];
    const suffix = ['works', 'systems', 'studio', 'partners', 'group', 'digital'];
    const company = `${rng.pick(stems)}${rng.pick(stems)}`;
    const useFree = rng.chance(0.3);
    const domain = useFree ? rng.pick(this.org.freemail) : `${company}-${rng.pick(suffix)}-${n}.test`;
    const first = rng.pick(['Harriet', 'Ibrahim', 'Johanna', 'Kofi', 'Leila', 'Mateo', 'Nadia', 'Oliver']);
    const address = useFree ? `${first.toLowerCase()}.${company}${rng.int(1, 99)}@${domain}` : `${first.toLowerCase()}@${domain}`;
    const sales = this.org.people.filter((p) => p.department === 'sales');
    const to = rng.pick(sales);
    const at = workMoment(rng, day, 0, 9, 17);
    const them: Speaker = {
      party: { name: `${first} ${company[0]?.toUpperCase()}${company.slice(1)}`, address },
      hours: { offsetMinutes: 0, startHour: 9, endHour: 17 },
      transport: { helo: `mail.${domain}`, rdns: `mail.${domain}`, ip: `198.19.${200 + (n % 50)}.${rng.int(10, 250)}`, mailFrom: address, spf: 'pass', dkim: { domain, selector: 's1', result: 'pass' }, dmarc: 'pass' },
      mailer: 'Mozilla Thunderbird 128.4',
      signature: `\n\nBest,\n${first}`,
      idDomain: domain,
    };
    const turns: Turn[] = [{ speaker: them, body: `Hello,\n\n${rng.pick(FIRST_CONTACT_LINES)}` }];
    if (rng.chance(0.8)) turns.push({ speaker: this.speaker(to, at), body: `Hi ${first},\n\nThanks for reaching out. I would be glad to set up a call; how does Tuesday afternoon look?` });
    this.out.push(...conversation(rng, at, rng.pick(['Enquiry about your services', 'Pricing question', 'Request for a demo', 'Partnership enquiry']), [this.speaker(to, at)], turns));
  }

  /** A colleague announces a new address in a thread, then uses it (a close neighbour of impersonation). */
  announceAddressChange(person: Person, newLast: string, day: number): void {
    const at = workMoment(this.rng, day, person.offsetMinutes, person.startHour, person.endHour);
    const newName = `${firstName(person.name)} ${newLast}`;
    const newAddress = `${firstName(person.name).toLowerCase()}.${newLast.toLowerCase()}@${this.org.domain}`;
    const team = this.org.people.filter((p) => p.department === person.department && p !== person);
    const me = this.speaker(person, at);
    const bodyText = `Hi all,\n\nA small admin note: after my name change, my email address becomes ${newAddress} from next week. The old address will keep working for a while, but please update your contacts.\n\nThanks!`;
    const turns: Turn[] = [{ speaker: me, body: bodyText }];
    const replier = team[0];
    if (replier) turns.push({ speaker: this.speaker(replier, at), body: `Congratulations ${firstName(person.name)}! Updated.` });
    this.out.push(...conversation(this.rng, at, 'My new email address', team.map((p) => this.speaker(p, at)), turns));
    this.changes.push({ who: person.address, name: newName, address: newAddress, at: at + 5 * DAY });
  }

  /** A partner's contact moves to the firm's second domain, announced in a thread first. */
  announcePartnerMove(partner: Company, day: number): void {
    const contact = partner.contacts[0];
    const owner = partner.owners[0];
    if (!contact || !owner || !partner.altDomain) return;
    const at = workMoment(this.rng, day, partner.offsetMinutes, 9, 17);
    const newAddress = `${contact.address.split('@')[0]}@${partner.altDomain}`;
    const turns: Turn[] = [
      { speaker: contactSpeaker(partner, contact), body: `Dear ${firstName(owner.name)},\n\nWe are moving our mailboxes to ${partner.altDomain}; from next week please write to me at ${newAddress}. Everything else stays the same.` },
      { speaker: this.speaker(owner, at), body: `Thanks ${firstName(contact.name)}, noted.` },
    ];
    this.out.push(...conversation(this.rng, at, `${partner.name}: new email addresses`, [this.speaker(owner, at)], turns));
    this.changes.push({ who: contact.address, name: contact.name, address: newAddress, at: at + 7 * DAY });
  }

  /** An executive occasionally writes to their assistant from a personal free-mail address. */
  personalAddress(exec: Person, assistant: Person, day: number): void {
    const at = workMoment(this.rng, day, exec.offsetMinutes, 18, 21);
    const domain = this.org.freemail[0] ?? 'postbox-free.example';
    const address = `${firstName(exec.name).toLowerCase()}.${exec.name.split(' ')[1]?.toLowerCase() ?? 'x'}.home@${domain}`;
    const speaker: Speaker = {
      party: { name: exec.name, address },
      hours: { offsetMinutes: exec.offsetMinutes, startHour: 7, endHour: 22 },
      transport: { helo: `out.${domain}`, rdns: `out.${domain}`, ip: '198.19.250.17', mailFrom: address, spf: 'pass', dkim: { domain, selector: 'fm1', result: 'pass' }, dmarc: 'pass' },
      mailer: 'PostboxFree Mobile',
      signature: '\n\nSent from my phone',
      idDomain: domain,
    };
    const turns: Turn[] = [
      { speaker, body: `${firstName(assistant.name)}, can you move my 9am tomorrow and print the board pack? Laptop is at the office.` },
      { speaker: this.speaker(assistant, at), body: 'Done, both sorted.' },
    ];
    this.out.push(...conversation(this.rng, at, 'tomorrow', [this.speaker(assistant, at)], turns));
  }

  run(): SimMail[] {
    const { org, rng, time } = this;
    const learnDays = Math.round((time.testStart - time.start) / DAY);
    const sales = org.people.filter((p) => p.department === 'sales');
    const mover = sales[3] ?? sales[0];
    const partner = org.partners.find((p) => p.altDomain);
    const ceo = org.executives[0];
    const assistant = org.people.find((p) => p.title === 'Executive Assistant');
    // A vendor moves to a new mail provider in the test phase: legit new infrastructure.
    const migrating = org.vendors[4];
    let firstContacts = 0;
    const invoicing = org.vendors.slice(0, Math.max(3, Math.round(org.vendors.length * time.rate)));
    const invoicedMonth = new Map<string, number>();
    for (let day = time.start; day < time.end; day += DAY) {
      const dayIndex = Math.round((day - time.start) / DAY);
      const rate = time.rate * (day >= time.testStart ? TEST_BUSIER : 1);
      if (dayIndex === learnDays - 35 && mover) this.announceAddressChange(mover, 'Lindgren-Hale', day + DAY);
      if (dayIndex === learnDays - 25 && partner) this.announcePartnerMove(partner, day + DAY);
      if (migrating && day === time.testStart + 7 * DAY) {
        this.migrated.set(migrating.name, { ...migrating.infra, helo: 'outbound-3.mailhost-eu.example', ip: `198.19.240.${rng.int(10, 250)}`, selector: 'mh2025', mailer: 'MailhostEU Webmail' });
      }
      org.newsletters.forEach((news, i) => {
        if (!isWeekend(day) && rng.chance((news.perWeek / 5) * Math.max(time.rate, 0.15))) this.newsletter(i, day);
      });
      if (isWeekend(day)) {
        if (rng.chance(0.3 * time.rate * 5)) this.internal(day);
        continue;
      }
      // Each invoicing vendor bills once a month, on the first weekday on or after its billing day.
      for (const vendor of invoicing) {
        const billingDay = 2 + ((vendor.name.length * 3) % 20);
        const month = new Date(day).getUTCMonth();
        if (new Date(day).getUTCDate() >= billingDay && invoicedMonth.get(vendor.name) !== month) {
          invoicedMonth.set(vendor.name, month);
          this.invoice(vendor, day);
        }
      }
      for (let i = count(rng, DAILY.internal * rate); i > 0; i--) this.internal(day);
      for (let i = count(rng, DAILY.vendorInbound * rate); i > 0; i--) this.companyThread(rng.pick(org.vendors), day, true, VENDOR_TOPICS);
      for (let i = count(rng, DAILY.vendorOutbound * rate); i > 0; i--) this.companyThread(rng.pick(org.vendors), day, false, OUTBOUND_VENDOR_TOPICS);
      for (let i = count(rng, DAILY.customerInbound * rate); i > 0; i--) this.companyThread(rng.pick(org.customers), day, true, CUSTOMER_TOPICS);
      for (let i = count(rng, DAILY.customerOutbound * rate); i > 0; i--) this.companyThread(rng.pick(org.customers), day, false, OUTBOUND_CUSTOMER_TOPICS);
      for (let i = count(rng, DAILY.partner * rate); i > 0; i--) this.companyThread(rng.pick(org.partners), day, rng.chance(0.5), PARTNER_TOPICS);
      if (rng.chance(0.25 * Math.max(time.rate, 0.2))) this.firstContact(day, ++firstContacts);
      if (ceo && assistant && rng.chance(0.04 * Math.max(time.rate, 0.5))) this.personalAddress(ceo, assistant, day);
    }
    return this.out;
  }
}

export interface LegitResult {
  readonly mail: SimMail[];
  readonly changes: readonly AddressChange[];
}

export function legitMail(org: Org, rng: Rng, time: Timeline): LegitResult {
  const traffic = new LegitTraffic(org, rng, time);
  return { mail: traffic.run(), changes: traffic.changes };
}
