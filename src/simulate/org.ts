/**
 * The simulated organisation: its people (departments, executives, time zones, working hours),
 * and everyone it deals with: vendors (with bank details and, for some, a real second domain),
 * customers, partners and newsletters. Every name is invented; domains are on reserved TLDs
 * (.example, .test) or invented compounds, never real companies.
 */
import { type BankAccount, makeAccount } from './iban.js';
import type { Rng } from './rng.js';

export type Department = 'exec' | 'finance' | 'sales' | 'engineering' | 'operations';

export interface Person {
  readonly name: string;
  readonly first: string;
  readonly address: string;
  readonly department: Department;
  readonly title: string;
  /** UTC offset in minutes (fixed: the simulation ignores daylight saving for simplicity). */
  readonly offsetMinutes: number;
  /** Local working hours [start, end). */
  readonly startHour: number;
  readonly endHour: number;
  readonly workstationIp: string;
  readonly mailer: string;
}

/** How a sender's mail reaches us: one outbound server per sender, stable over time. */
export interface Infra {
  readonly helo: string;
  readonly ip: string;
  readonly dkimDomain: string;
  readonly selector: string;
  readonly mailer: string;
}

export interface Contact {
  readonly name: string;
  readonly address: string;
}

export type CompanyKind = 'vendor' | 'customer' | 'partner';

export interface Company {
  readonly kind: CompanyKind;
  readonly name: string;
  readonly domain: string;
  /** A real second domain the company uses occasionally (a close legitimate neighbour). */
  readonly altDomain: string | null;
  readonly contacts: readonly Contact[];
  readonly infra: Infra;
  readonly altInfra: Infra | null;
  readonly offsetMinutes: number;
  /** What they sell or buy (for subjects and bodies). */
  readonly business: string;
  /** Our people who deal with them. */
  readonly owners: readonly Person[];
  /** Vendors only: where invoices say to pay. */
  readonly account: BankAccount | null;
}

export interface Newsletter {
  readonly name: string;
  readonly domain: string;
  readonly from: Contact;
  readonly listId: string;
  readonly infra: Infra;
  readonly topic: string;
  readonly subscribers: readonly Person[];
  /** Issues per week. */
  readonly perWeek: number;
}

export interface Org {
  readonly name: string;
  readonly domain: string;
  readonly mx: string;
  readonly mxIp: string;
  readonly submission: string;
  readonly submissionIp: string;
  readonly people: readonly Person[];
  readonly executives: readonly Person[];
  readonly vendors: readonly Company[];
  readonly customers: readonly Company[];
  readonly partners: readonly Company[];
  readonly newsletters: readonly Newsletter[];
  /** Invented free-mail providers (used by private individuals and by attackers). */
  readonly freemail: readonly string[];
}

const FIRST = [
  'Alice', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Lars', 'Maya', 'Nikolai', 'Olga', 'Pedro',
  'Quinn', 'Rosa', 'Sven', 'Tamsin', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Anouk', 'Bilal', 'Clara', 'Dario', 'Esme', 'Felix',
  'Gwen', 'Hamza', 'Ida', 'Jasper', 'Kirsten', 'Leon', 'Mirela', 'Noor', 'Oskar', 'Priya', 'Rafael', 'Signe', 'Tobias', 'Ulla', 'Viktor', 'Wanda',
];
const LAST = [
  'Abernathy', 'Brightman', 'Castellano', 'Dunmore', 'Eriksen', 'Falkner', 'Gallagher', 'Holloway', 'Ivanova', 'Jablonski', 'Kowalczyk', 'Lindqvist',
  'Marchetti', 'Nakamura', 'Okafor', 'Pellegrini', 'Quist', 'Rasmussen', 'Sandoval', 'Thorburn', 'Ueda', 'Valdivia', 'Whitlock', 'Yilmaz', 'Zeller',
  'Achterberg', 'Blackwood', 'Cardenas', 'Delacroix', 'Esposito', 'Fairbairn', 'Grünewald', 'Hartigan', 'Iversen', 'Jovanović', 'Kessler',
];

const DEPARTMENTS: ReadonlyArray<readonly [Department, number, readonly string[]]> = [
  ['exec', 4, ['Chief Executive Officer', 'Chief Financial Officer', 'Chief Operating Officer', 'Executive Assistant']],
  ['finance', 7, ['Finance Manager', 'Accounts Payable Specialist', 'Accounts Payable Specialist', 'Controller', 'Payroll Officer', 'Financial Analyst', 'Accounts Receivable Clerk']],
  ['sales', 10, ['Head of Sales', 'Account Executive', 'Account Executive', 'Account Manager', 'Sales Engineer', 'Account Manager', 'Sales Operations', 'Business Development', 'Account Executive', 'Customer Success']],
  ['engineering', 14, ['VP Engineering', 'Staff Engineer', 'Software Engineer', 'Software Engineer', 'Software Engineer', 'SRE', 'QA Engineer', 'Data Engineer', 'Product Manager', 'Designer', 'Software Engineer', 'Security Engineer', 'Software Engineer', 'IT Administrator']],
  ['operations', 5, ['Head of Operations', 'Office Manager', 'HR Partner', 'Procurement Lead', 'Facilities Coordinator']],
];

const OFFICES: ReadonlyArray<readonly [number, number]> = [
  [60, 30], // Central European office
  [0, 6], // London
  [-300, 4], // New York
  [330, 1], // Bangalore contractor
];

const MAILERS = ['Microsoft Outlook 16.0', 'Apple Mail (2.3776)', 'Mozilla Thunderbird 128.4', 'Microsoft Outlook 16.0'];

const VENDORS: ReadonlyArray<{ name: string; domain: string; alt?: string; business: string; offset: number; country: string }> = [
  { name: 'Tallowick Print', domain: 'tallowick-print.com', alt: 'tallowick.co.uk', business: 'printing and brochures', offset: 0, country: 'GB' },
  { name: 'Ferrogate Logistics', domain: 'ferrogate-logistics.com', alt: 'ferrogate-billing.com', business: 'freight and courier services', offset: 60, country: 'DE' },
  { name: 'Quillbright Supplies', domain: 'quillbright-supplies.net', business: 'office supplies', offset: 0, country: 'GB' },
  { name: 'Nimbusreef Cloud', domain: 'nimbusreef.io', alt: 'nimbusreef-mail.com', business: 'cloud hosting', offset: -300, country: 'IE' },
  { name: 'Saltmeadow Catering', domain: 'saltmeadow-catering.com', business: 'office catering', offset: 60, country: 'NL' },
  { name: 'Ravelstone IT', domain: 'ravelstone-it.net', business: 'IT hardware and support', offset: 60, country: 'DE' },
  { name: 'Oakhollow Facilities', domain: 'oakhollow-facilities.com', business: 'cleaning and facilities', offset: 60, country: 'NL' },
  { name: 'Copperfen Components', domain: 'copperfen.de', alt: 'copperfen-components.com', business: 'electronic components', offset: 60, country: 'DE' },
  { name: 'Lanternfield Recruiting', domain: 'lanternfield-recruiting.com', business: 'recruitment', offset: 0, country: 'GB' },
  { name: 'Marrowgate Insurance', domain: 'marrowgate-insurance.com', business: 'business insurance', offset: 60, country: 'FR' },
];

const CUSTOMERS: ReadonlyArray<{ name: string; domain: string; offset: number }> = [
  { name: 'Heronsgate Analytics', domain: 'heronsgate-analytics.com', offset: -300 },
  { name: 'Pebblebrook Retail', domain: 'pebblebrook-retail.co.uk', offset: 0 },
  { name: 'Vantorre Pharma', domain: 'vantorre-pharma.example', offset: 60 },
  { name: 'Kestrelmoor Energy', domain: 'kestrelmoor.energy', offset: 60 },
  { name: 'Brindlewood Bank', domain: 'brindlewood-bank.test', offset: 0 },
  { name: 'Sorrelfield Media', domain: 'sorrelfield.media', offset: -300 },
  { name: 'Glenmarrow Foods', domain: 'glenmarrow-foods.com', offset: 0 },
  { name: 'Tidewater Robotics', domain: 'tidewater-robotics.io', offset: -480 },
  { name: 'Aldercrest Health', domain: 'aldercrest-health.example', offset: 60 },
  { name: 'Wyndhollow Games', domain: 'wyndhollow.games', offset: 60 },
  { name: 'Orbenfell Shipping', domain: 'orbenfell-shipping.com', offset: 60 },
  { name: 'Cinderpath Labs', domain: 'cinderpath-labs.test', offset: -300 },
];

const PARTNERS: ReadonlyArray<{ name: string; domain: string; alt?: string; offset: number; business: string }> = [
  { name: 'Larkspur Consulting', domain: 'larkspur-consulting.com', alt: 'larkspur.partners', offset: 0, business: 'implementation partner' },
  { name: 'Thornbury Legal', domain: 'thornbury-legal.co.uk', offset: 0, business: 'outside counsel' },
  { name: 'Mossvale Ventures', domain: 'mossvale-ventures.example', offset: -300, business: 'investor' },
  { name: 'Quarrystone Audit', domain: 'quarrystone-audit.com', offset: 60, business: 'auditor' },
];

const NEWSLETTERS: ReadonlyArray<{ name: string; domain: string; topic: string; perWeek: number; department: Department | 'all' }> = [
  { name: 'The Ledger Brief', domain: 'ledgerbrief-news.com', topic: 'finance and accounting news', perWeek: 2, department: 'finance' },
  { name: 'Stackwise Weekly', domain: 'stackwise.dev', topic: 'software engineering', perWeek: 1, department: 'engineering' },
  { name: 'Pipeline Pulse', domain: 'pipelinepulse-mail.com', topic: 'B2B sales', perWeek: 1, department: 'sales' },
  { name: 'Nimbusreef Status Digest', domain: 'nimbusreef-mail.com', topic: 'cloud service status', perWeek: 1, department: 'engineering' },
  { name: 'Officeline Deals', domain: 'officeline-deals.example', topic: 'office supplies offers', perWeek: 2, department: 'operations' },
  { name: 'Boardroom Insight', domain: 'boardroom-insight.test', topic: 'leadership', perWeek: 1, department: 'exec' },
];

export const ORG_DOMAIN = 'corvid-labs.example';
const FREEMAIL = ['postbox-free.example', 'inboxly.test', 'mailpigeon.example'];

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ć/g, 'c')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Sending networks: each sender gets its own /24 inside 198.18.0.0/15 (reserved for testing). */
class NetworkPlan {
  private next = 1;
  allocate(): string {
    const n = this.next++;
    return `198.${18 + (n >> 8)}.${n & 0xff}`;
  }
}

function infraFor(rng: Rng, net: NetworkPlan, domain: string, mailer: string): Infra {
  const prefix = net.allocate();
  const host = rng.pick(['mail', 'smtp', 'out', 'mx-out', 'relay']);
  return { helo: `${host}${rng.int(1, 4)}.${domain}`, ip: `${prefix}.${rng.int(10, 250)}`, dkimDomain: domain, selector: rng.pick(['s1', 'selector1', 'k1', 'mail', '2024a']), mailer };
}

function makeContacts(rng: Rng, domain: string, count: number, used: Set<string>): Contact[] {
  const out: Contact[] = [];
  while (out.length < count) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const local = rng.pick([`${slug(first)}.${slug(last)}`, `${slug(first)[0]}${slug(last)}`, slug(first)]);
    const address = `${local}@${domain}`;
    if (used.has(address)) continue;
    used.add(address);
    out.push({ name: `${first} ${last}`, address });
  }
  return out;
}

export function buildOrg(rng: Rng): Org {
  const net = new NetworkPlan();
  const usedNames = new Set<string>();
  const people: Person[] = [];
  for (const [department, count, titles] of DEPARTMENTS) {
    for (let i = 0; i < count; i++) {
      let first = '';
      let last = '';
      do {
        first = rng.pick(FIRST);
        last = rng.pick(LAST);
      } while (usedNames.has(first) || usedNames.has(`${first} ${last}`));
      usedNames.add(first);
      usedNames.add(`${first} ${last}`);
      const [offset] = department === 'exec' ? (OFFICES[0] as readonly [number, number]) : rng.weighted(OFFICES.map((o) => [o, o[1]] as const));
      const start = rng.int(7, 10);
      people.push({
        name: `${first} ${last}`,
        first,
        address: `${slug(first)}.${slug(last)}@${ORG_DOMAIN}`,
        department,
        title: titles[i] ?? 'Associate',
        offsetMinutes: offset,
        startHour: start,
        endHour: start + rng.int(8, 10),
        workstationIp: `10.${20 + DEPARTMENTS.findIndex((d) => d[0] === department)}.${rng.int(1, 9)}.${rng.int(10, 250)}`,
        mailer: rng.pick(MAILERS),
      });
    }
  }
  const executives = people.filter((p) => p.department === 'exec' && p.title.startsWith('Chief'));
  const inDept = (d: Department): Person[] => people.filter((p) => p.department === d);
  const usedAddresses = new Set<string>();

  const vendors: Company[] = VENDORS.map((v) => {
    const mailer = rng.pick(['Microsoft Outlook 16.0', 'Zimbra 10.0', 'Odoo 17 Invoicing', 'Apple Mail (2.3774)']);
    return {
      kind: 'vendor',
      name: v.name,
      domain: v.domain,
      altDomain: v.alt ?? null,
      contacts: makeContacts(rng, v.domain, rng.int(2, 3), usedAddresses),
      infra: infraFor(rng, net, v.domain, mailer),
      altInfra: v.alt ? infraFor(rng, net, v.alt, mailer) : null,
      offsetMinutes: v.offset,
      business: v.business,
      owners: [...rng.sample(inDept('finance').slice(1, 4), 2), rng.pick(inDept('operations'))],
      account: makeAccount(rng, v.country),
    };
  });
  const customers: Company[] = CUSTOMERS.map((c) => ({
    kind: 'customer',
    name: c.name,
    domain: c.domain,
    altDomain: null,
    contacts: makeContacts(rng, c.domain, rng.int(1, 3), usedAddresses),
    infra: infraFor(rng, net, c.domain, rng.pick(MAILERS)),
    altInfra: null,
    offsetMinutes: c.offset,
    business: 'customer',
    owners: rng.sample(inDept('sales'), 2),
    account: null,
  }));
  const partners: Company[] = PARTNERS.map((p) => ({
    kind: 'partner',
    name: p.name,
    domain: p.domain,
    altDomain: p.alt ?? null,
    contacts: makeContacts(rng, p.domain, 2, usedAddresses),
    infra: infraFor(rng, net, p.domain, rng.pick(MAILERS)),
    altInfra: p.alt ? infraFor(rng, net, p.alt, rng.pick(MAILERS)) : null,
    offsetMinutes: p.offset,
    business: p.business,
    owners: [...rng.sample(people.filter((x) => x.department === 'exec'), 2), rng.pick(inDept('finance'))],
    account: null,
  }));
  // Newsletters all send through one invented bulk-mail provider, as real lists do.
  const newsletters: Newsletter[] = NEWSLETTERS.map((n) => {
    const subscribers = n.department === 'all' ? people : [...inDept(n.department), ...rng.sample(people, 3)];
    return {
      name: n.name,
      domain: n.domain,
      from: { name: n.name, address: `news@${n.domain}` },
      listId: `<${slug(n.name)}.list.${n.domain}>`,
      infra: { ...infraFor(rng, net, 'bulkrelay-esp.example', 'BulkRelay Campaigns'), dkimDomain: n.domain },
      topic: n.topic,
      subscribers: [...new Set(subscribers)],
      perWeek: n.perWeek,
    };
  });
  return {
    name: 'Corvid Labs',
    domain: ORG_DOMAIN,
    mx: `mx.${ORG_DOMAIN}`,
    mxIp: '198.18.0.25',
    submission: `smtp.${ORG_DOMAIN}`,
    submissionIp: '198.18.0.26',
    people,
    executives,
    vendors,
    customers,
    partners,
    newsletters,
    freemail: FREEMAIL,
  };
}
