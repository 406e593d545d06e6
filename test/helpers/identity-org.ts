import { readFileSync } from 'node:fs';
import type { Policy } from '../../src/core/policy.js';
import { DAY_MS } from '../../src/core/profile.js';
import type { Signal } from '../../src/core/signal.js';
import { MemoryModel } from './memory-model.js';
import { buildMessage, type MessageSpec } from './message-builder.js';

/**
 * Test-only: Corvid Labs (corvid-labs.com) after three months of ordinary mail, for the identity
 * checks' learn-then-scan tests.
 * - Vendor Northwind (northwind.com) writes to alice and she replies; its payments arrive from a
 *   real second domain, northwind-pay.com. A courier uses the short domain bolt.com.
 * - Dana Whitfield, the CEO, writes to everyone weekly and colleagues write to her (a VIP).
 * - Bob Jones is a colleague; his new personal address bob.jones.home@gmail.com was copied into
 *   an internal thread and alice wrote to it.
 * - Γιάννης Παπαδόπουλος (olympus.gr) writes in Greek to carol.
 */
export const IDENTITY_ORG = { domains: ['corvid-labs.com'] };
export const T0 = Date.UTC(2024, 0, 1);
export const SCAN_AT = T0 + 100 * DAY_MS;

const COLLEAGUES = ['alice', 'bob', 'carol', 'erin', 'frank', 'gina', 'hugo', 'ivan', 'jill', 'kate', 'liam'];
const NAMES: Record<string, string> = { alice: 'Alice Grant', bob: 'Bob Jones', carol: 'Carol Diaz', dana: 'Dana Whitfield' };
const named = (user: string): string => `${NAMES[user] ?? `${user[0]?.toUpperCase()}${user.slice(1)} Staff`} <${user}@corvid-labs.com>`;

export const policy = JSON.parse(readFileSync(new URL('../../policy/default.json', import.meta.url), 'utf8')) as Policy;

export function identityOrg(): MemoryModel {
  const model = new MemoryModel(IDENTITY_ORG, policy);
  const learn = (spec: MessageSpec): void => model.learnMessage(buildMessage(spec));
  for (let day = 0; day < 90; day += 1) {
    const at = T0 + day * DAY_MS;
    learn({ from: 'Nina Park <nina@northwind.com>', to: [named('alice')], date: at });
    learn({ from: named('alice'), to: ['Nina Park <nina@northwind.com>'], date: at + 1000 });
    if (day % 3 === 0) learn({ from: 'Northwind Billing <billing@northwind-pay.com>', to: [named('bob')], date: at + 2000 });
    if (day % 4 === 0) learn({ from: 'Bolt Couriers <track@bolt.com>', to: [named('carol')], date: at + 3000 });
    if (day % 5 === 0) learn({ from: 'Γιάννης Παπαδόπουλος <giannis@olympus.gr>', to: [named('carol')], date: at + 4000 });
    if (day % 7 === 0) learn({ from: named('dana'), to: COLLEAGUES.map(named), date: at + 5000 });
    const colleague = COLLEAGUES[day % COLLEAGUES.length] ?? 'alice';
    learn({ from: named(colleague), to: [named('dana')], date: at + 6000 });
    learn({ from: named('bob'), to: [named('alice'), named('carol')], date: at + 7000 });
    if (day % 10 === 0) learn({ from: 'DocSign <noreply@docsign.com>', to: [named('erin')], date: at + 8000 });
  }
  // Bob announces his new address in a thread: he copies it in, and alice writes to it.
  const announce = T0 + 91 * DAY_MS;
  learn({ from: named('bob'), to: [named('alice')], cc: ['Bob Jones <bob.jones.home@gmail.com>'], subject: 'my new address', date: announce });
  learn({ from: named('alice'), to: ['Bob Jones <bob.jones.home@gmail.com>'], subject: 'Re: my new address', date: announce + 1000 });
  return model;
}

/** The signal with this id in the verdict for an email built from `spec`, scanned at SCAN_AT. */
export function signalFor(model: MemoryModel, spec: MessageSpec, id: string): Signal | undefined {
  return model.score(buildMessage({ date: SCAN_AT, to: [named('alice')], ...spec }), SCAN_AT).signals.find((s) => s.id === id);
}
