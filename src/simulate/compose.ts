/**
 * Shared building blocks for legitimate and attack mail: Message-IDs, transports (how each kind
 * of sender reaches our MX), working-hours timing, reply quoting and signatures.
 */
import type { Company, Contact, Infra, Org, Person } from './org.js';
import type { MailSpec, Party, Transport } from './render.js';
import type { Rng } from './rng.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Label = 'legit' | 'attack';

/** One simulated message before phases are assigned (by date) and files are written. */
export interface SimMail {
  readonly spec: MailSpec;
  readonly label: Label;
  /** Attack kind, or '' for legitimate mail. */
  readonly kind: string;
}

export const party = (p: Person | Contact): Party => ({ name: p.name, address: p.address });

let counter = 0;
/** Resets the Message-ID counter: each simulation run starts from the same state. */
export function resetIds(): void {
  counter = 0;
}

/** A Message-ID in the style of the sender's mailer, unique within the run. */
export function messageId(rng: Rng, domain: string): string {
  counter += 1;
  return `${rng.hex(8).toUpperCase()}.${counter.toString(36)}${rng.hex(6)}@${domain}`;
}

const domainOf = (address: string): string => address.split('@')[1] ?? '';

/** Mail sent by one of our own people (internal or outbound): via our submission server, signed by us. */
export function orgTransport(org: Org, person: Person): Transport {
  return {
    helo: org.submission,
    rdns: org.submission,
    ip: org.submissionIp,
    mailFrom: person.address,
    spf: 'pass',
    dkim: { domain: org.domain, selector: 'corvid1', result: 'pass' },
    dmarc: 'pass',
    clientHop: { name: `ws-${person.workstationIp.replace(/\./g, '-')}.corp.${org.domain}`, ip: person.workstationIp, protocol: 'ESMTPSA' },
  };
}

/** Mail from an external sender's own, stable infrastructure, authenticating cleanly. */
export function infraTransport(infra: Infra, fromAddress: string, bounceDomain?: string): Transport {
  return {
    helo: infra.helo,
    rdns: infra.helo,
    ip: infra.ip,
    mailFrom: bounceDomain ? `bounces+${fromAddress.replace('@', '=')}@${bounceDomain}` : fromAddress,
    spf: 'pass',
    dkim: { domain: infra.dkimDomain, selector: infra.selector, result: 'pass' },
    dmarc: 'pass',
  };
}

/** The infrastructure a company's contact sends from for a given address (main or second domain). */
export function companyInfra(company: Company, address: string): Infra {
  return company.altInfra && domainOf(address) === company.altDomain ? company.altInfra : company.infra;
}

export function isWeekend(day: number): boolean {
  const dow = new Date(day).getUTCDay();
  return dow === 0 || dow === 6;
}

/** A moment inside someone's working hours on the given UTC day (midnight epoch ms). */
export function workMoment(rng: Rng, day: number, offsetMinutes: number, startHour: number, endHour: number): number {
  const localMinute = rng.int(startHour * 60, endHour * 60 - 1);
  return day + (localMinute - offsetMinutes) * MINUTE + rng.int(0, 59) * 1000;
}

/** Moves a moment forward to the next time inside the working hours (next weekday morning if needed). */
export function intoWorkingHours(rng: Rng, at: number, offsetMinutes: number, startHour: number, endHour: number): number {
  let t = at;
  for (let guard = 0; guard < 10; guard++) {
    const local = t + offsetMinutes * MINUTE;
    const localDay = Math.floor(local / DAY) * DAY;
    const minute = (local - localDay) / MINUTE;
    const dow = new Date(localDay).getUTCDay();
    if (dow === 0 || dow === 6 || minute >= endHour * 60) {
      t = localDay + DAY + (startHour * 60 + rng.int(0, 90)) * MINUTE - offsetMinutes * MINUTE;
      continue;
    }
    if (minute < startHour * 60) return localDay + (startHour * 60 + rng.int(0, 60)) * MINUTE - offsetMinutes * MINUTE;
    return t;
  }
  return t;
}

/** Person-like view of a contact or a person for timing: externals work 8–18 at their company's offset. */
export interface Hours {
  readonly offsetMinutes: number;
  readonly startHour: number;
  readonly endHour: number;
}
export const companyHours = (c: Company): Hours => ({ offsetMinutes: c.offsetMinutes, startHour: 8, endHour: 18 });

export function signature(name: string, title: string, company: string, phone?: string): string {
  return `\n\n--\n${name}\n${title}, ${company}${phone ? `\n${phone}` : ''}\n`;
}

/** `On <date>, <name> wrote:` plus the previous body quoted with `> `, as a mail client does. */
export function quote(previous: MailSpec): string {
  const when = new Date(previous.at).toUTCString().replace(' GMT', ' UTC');
  const quoted = previous.text
    .split('\n')
    .slice(0, 40)
    .map((l) => (l.startsWith('>') ? `>${l}` : `> ${l}`))
    .join('\n');
  return `\n\nOn ${when}, ${previous.from.name} <${previous.from.address}> wrote:\n${quoted}\n`;
}

export const reSubject = (subject: string): string => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/** The thread headers of a reply to `previous`. */
export function threadOf(previous: MailSpec): { inReplyTo: string; references: string[] } {
  return { inReplyTo: previous.id, references: [...(previous.references ?? []), previous.id].slice(-20) };
}

export function plainHtml(text: string, links: ReadonlyArray<{ href: string; text: string }> = []): string {
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  const anchors = links.map((l) => `<p><a href="${escape(l.href)}">${escape(l.text)}</a></p>`).join('\n');
  return `<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"></head>\n<body style="font-family: Arial, sans-serif">\n${paragraphs}\n${anchors}\n</body>\n</html>\n`;
}

export function money(rng: Rng, min: number, max: number): string {
  // Formatted by hand: toLocaleString depends on the ICU data the runtime ships with.
  const cents = rng.int(min * 100, max * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}
