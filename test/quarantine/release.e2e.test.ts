import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy-file.js';
import { EmailKeys } from '../../src/core/model/email-keys.js';
import type { Policy } from '../../src/core/policy.js';
import { keyString } from '../../src/core/profile.js';
import { Engine } from '../../src/engine/engine.js';
import { Gateway } from '../../src/gateway/gateway.js';
import { parseGatewayConfig } from '../../src/gateway/gateway-config.js';
import { Quarantine } from '../../src/quarantine/quarantine.js';
import { deliverToSpool } from '../../src/quarantine/released-spool.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { Mailbox, removeTempDirs, tempDir, until } from '../gateway/harness.js';

/**
 * The default policy with one delivery rung: hold first contact. Deterministic for the test
 * (the default ladder holds only money/credential requests), and it is exactly what the model
 * un-learns on release: after it, the sender is known to the recipient.
 */
const HOLD_FIRST_CONTACT: Policy = {
  ...loadPolicy(),
  delivery: [{ action: 'hold', because: 'test: hold any first contact', when: [{ signalsAny: ['FIRST_CONTACT_RECIPIENT', 'FIRST_CONTACT_ORG'] }] }],
};

const T0 = Date.UTC(2026, 10, 1, 9);

function mail(from: string, to: string, subject: string, date: string): string {
  return [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: <${subject.replace(/\W/gu, '')}@x.test>`, `Date: ${date}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `Hello, ${subject}.`, 'Regards', ''].join('\r\n');
}

function send(port: number, from: string, to: string, raw: string): Promise<unknown> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, tls: { rejectUnauthorized: false } });
  return transport.sendMail({ envelope: { from, to }, raw }).finally(() => transport.close());
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  try {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  } finally {
    removeTempDirs();
  }
});

async function setup(): Promise<{ store: Store; engine: Engine; gateway: Gateway; quarantine: Quarantine; mailbox: Mailbox; port: number; dataDir: string; spoolDir: string }> {
  const dataDir = tempDir('belong-release-');
  const spoolDir = path.join(dataDir, 'spool');
  const store = await openStore({ dbPath: path.join(dataDir, 'belong.db'), databaseUrl: null });
  cleanups.push(() => store.close());
  const engine = new Engine({ store, org: { domains: ['example.org'] }, policy: HOLD_FIRST_CONTACT, trustedAuthservIds: [], resolver: null });
  // History: bob hears from colleagues and known partners, so a stranger is a first contact.
  for (let i = 0; i < 30; i++) {
    const partner = `p${i % 6}@partner${i % 3}.test`;
    await engine.process(Buffer.from(mail(partner, 'bob@example.org', `update ${i}`, new Date(T0 - (40 - i) * 86_400_000).toUTCString())), { now: T0 - (40 - i) * 86_400_000 });
  }
  const mailbox = new Mailbox();
  await mailbox.start();
  cleanups.push(() => mailbox.stop());
  const quarantine = new Quarantine({ store, dir: path.join(dataDir, 'quarantine'), key: randomBytes(32) });
  const config = parseGatewayConfig({ listen: '127.0.0.1:0', logLevel: 'silent', relay: `127.0.0.1:${mailbox.port}`, retryInitialMs: 50, retryMaxMs: 200 });
  const gateway = new Gateway({ config, engine, spoolDir, dataDir, logger: pino({ level: 'silent' }), quarantine, releasedPollMs: 20 });
  const { smtpPort } = await gateway.start();
  cleanups.push(() => gateway.stop());
  return { store, engine, gateway, quarantine, mailbox, port: smtpPort, dataDir, spoolDir };
}

describe('quarantine release round trip', () => {
  it('hold → release → the delivered original equals the received original byte for byte; audited; learned; never held again', async () => {
    const { store, engine, quarantine, mailbox, port, dataDir, spoolDir } = await setup();
    const original = mail('Nadia <nadia@newvendor.test>', 'Bob <bob@example.org>', 'introducing our catering service', 'Sun, 29 Nov 2026 10:00:00 +0000');

    await send(port, 'nadia@newvendor.test', 'bob@example.org', original);
    await until(async () => (await store.listQuarantine({ limit: 10, state: 'held' })).length === 1);
    const [entry] = await store.listQuarantine({ limit: 10 });
    if (!entry) throw new Error('not held');
    expect(mailbox.delivered).toHaveLength(0);
    // Out of the spool, sealed in the quarantine: the plaintext is nowhere on disk.
    expect(readdirSync(spoolDir).filter((f) => f.endsWith('.eml'))).toEqual([]);
    const sealed = await store.getQuarantineBlob(entry.id);
    expect(sealed?.includes(Buffer.from('catering'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'quarantine'))).toBe(false);
    expect((await quarantine.read(entry.id)).toString('utf8')).toBe(original);
    const relationship = EmailKeys.addressIn('nadia@newvendor.test', 'bob@example.org');
    expect((await store.readProfiles([relationship])).size).toBe(0);

    await quarantine.release(entry.id, { actor: 'ana@example.org', reason: 'a vendor bob invited', deliver: deliverToSpool(spoolDir), engine });
    await until(() => mailbox.delivered.length === 1);

    const delivered = mailbox.delivered[0];
    expect(Buffer.compare(delivered?.raw ?? Buffer.alloc(0), Buffer.from(original))).toBe(0);
    expect(delivered?.to).toEqual(['bob@example.org']);
    expect(delivered?.from).toBe('nadia@newvendor.test');

    const audit = await store.listAudit({ limit: 10 });
    expect(audit[0]).toMatchObject({ actor: 'ana@example.org', action: 'quarantine.release', subject: entry.id, detail: { reason: 'a vendor bob invited', verdictId: entry.verdictId } });
    expect(audit.map((a) => a.action)).toContain('quarantine.hold');
    expect((await store.getQuarantine(entry.id))?.state).toBe('released');

    // The model now counts the relationship: a rescan finds no first contact and does not hold.
    expect((await store.readProfiles([relationship])).get(keyString(relationship))?.count).toBe(1);
    const rescan = await engine.score(await engine.read(Buffer.from(original)), Date.UTC(2026, 10, 29, 11));
    expect(rescan.signals.map((s) => s.id)).not.toContain('FIRST_CONTACT_RECIPIENT');
    expect(rescan.actions.delivery).not.toBe('hold');

    // And the same message through the gateway again is delivered, not held.
    await send(port, 'nadia@newvendor.test', 'bob@example.org', original);
    await until(() => mailbox.delivered.length === 2);
    expect(await store.listQuarantine({ limit: 10, state: 'held' })).toEqual([]);
  });
});
