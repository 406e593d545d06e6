/** Speakers (see conversation.ts) for each kind of correspondent. */
import { companyHours, companyInfra, infraTransport, orgTransport, signature } from './compose.js';
import type { Speaker } from './conversation.js';
import type { Company, Contact, Org, Person } from './org.js';

/**
 * Address changes that happen during the simulation (a colleague's announced new address):
 * from `at` on, the person writes as `address`.
 */
export interface AddressChange {
  readonly who: string;
  readonly name: string;
  readonly address: string;
  readonly at: number;
}

export function personAt(person: Person, at: number, changes: readonly AddressChange[]): Person {
  const change = changes.find((c) => c.who === person.address && at >= c.at);
  return change ? { ...person, name: change.name, address: change.address } : person;
}

export function personSpeaker(org: Org, person: Person): Speaker {
  return {
    party: { name: person.name, address: person.address },
    hours: person,
    transport: orgTransport(org, person),
    mailer: person.mailer,
    signature: signature(person.name, person.title, org.name, `+49 30 5550 ${(person.workstationIp.length * 137) % 9000 + 1000}`),
    idDomain: org.domain,
  };
}

export function contactSpeaker(company: Company, contact: Contact): Speaker {
  const infra = companyInfra(company, contact.address);
  return {
    party: { name: contact.name, address: contact.address },
    hours: companyHours(company),
    transport: infraTransport(infra, contact.address),
    mailer: infra.mailer,
    signature: signature(contact.name, company.kind === 'vendor' ? 'Account Manager' : company.kind === 'partner' ? 'Partner' : 'Team Lead', company.name),
    idDomain: infra.helo.split('.').slice(1).join('.'),
  };
}
