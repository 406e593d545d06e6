/** What every attack generator shares: the context, attacker infrastructure and timing. */
import { DAY, HOUR, messageId, MINUTE, type SimMail } from './compose.js';
import type { Timeline } from './legit.js';
import type { Org, Person } from './org.js';
import type { AttachmentSpec, MailSpec, Party, Transport } from './render.js';
import type { Rng } from './rng.js';

export interface AttackContext {
  readonly org: Org;
  readonly rng: Rng;
  readonly time: Timeline;
  /** Legitimate mail already generated (for hijacked threads and real invoice details). */
  readonly legit: readonly SimMail[];
  /** How many of this kind to write. */
  readonly count: number;
}

export type AttackGenerator = (ctx: AttackContext) => SimMail[];

/** Attack servers live in the documentation ranges, never in the org's or its contacts' networks. */
const ATTACK_NETS = ['203.0.113', '192.0.2', '198.51.100'];

export function attackerTransport(
  rng: Rng,
  fromDomain: string,
  opts: { auth?: 'pass' | 'fail' | 'softfail' | 'none'; helo?: string; mailFrom?: string } = {},
): Transport {
  const helo = opts.helo ?? rng.pick([`mail.${fromDomain}`, `vps${rng.int(100, 999)}.cheap-vps-hosting.test`, `smtp.${fromDomain}`, `host-${rng.int(10, 99)}.bulletproof-host.example`]);
  const auth = opts.auth ?? 'pass';
  return {
    helo,
    rdns: rng.chance(0.7) ? helo : null,
    ip: `${rng.pick(ATTACK_NETS)}.${rng.int(2, 254)}`,
    mailFrom: opts.mailFrom ?? `${rng.pick(['billing', 'noreply', 'info', 'mail'])}@${fromDomain}`,
    spf: auth,
    // A forger can copy a signature header but not re-sign: with `fail` it is present and broken.
    dkim: auth === 'pass' ? { domain: fromDomain, selector: 'default', result: 'pass' } : auth === 'fail' ? { domain: fromDomain, selector: 's1', result: 'fail' } : null,
    // softfail: SPF ~all and no signature, which DMARC still fails for lack of an aligned pass.
    dmarc: auth === 'pass' ? 'pass' : auth === 'none' ? 'none' : 'fail',
  };
}

/** A moment in the test window, mostly in the target's working hours (attackers time for attention). */
export function attackMoment(ctx: AttackContext, index: number, target: Person): number {
  const { rng, time } = ctx;
  const days = Math.max(1, Math.floor((time.end - time.testStart) / DAY) - 1);
  // Spread each kind's attacks over the window so every kind meets a model that has grown.
  const slot = Math.floor(((index + rng.float()) / Math.max(1, ctx.count)) * days);
  let day = time.testStart + slot * DAY;
  const dow = new Date(day).getUTCDay();
  if (dow === 6) day += 2 * DAY;
  if (dow === 0) day += DAY;
  if (day >= time.end) day -= 3 * DAY;
  return day + ((target.startHour + rng.int(0, 6)) * 60 - target.offsetMinutes) * MINUTE + rng.int(0, 3599) * 1000 + (rng.chance(0.1) ? 12 * HOUR : 0);
}

export function attackMail(
  ctx: AttackContext,
  kind: string,
  fields: { at: number; from: Party; to: readonly Party[]; subject: string; text: string; transport: Transport } & Partial<Omit<MailSpec, 'id'>>,
): SimMail {
  const domain = fields.from.address.split('@')[1] ?? 'unknown.test';
  const spec: MailSpec = { offsetMinutes: 0, mailer: ctx.rng.pick(['Microsoft Outlook 16.0', 'PHPMailer 6.9.1', 'Apple Mail (2.3776)', undefined]) ?? undefined, ...fields, id: messageId(ctx.rng, domain) };
  return { spec, label: 'attack', kind };
}

export const party = (name: string, address: string): Party => ({ name, address });
export const partyOf = (p: Person): Party => ({ name: p.name, address: p.address });

export const byDepartment = (org: Org, department: Person['department']): Person[] => org.people.filter((p) => p.department === department);

/** Rotate through a list so each attack of a kind picks a different target. */
export const nth = <T>(items: readonly T[], i: number): T => {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('empty rotation');
  return item;
};

export const pdfAttachment = (filename: string, content: Buffer): AttachmentSpec => ({ filename, contentType: 'application/pdf', content });

export const first = (name: string): string => name.split(' ')[0] ?? name;
