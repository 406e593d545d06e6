import path from 'node:path';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy-file.js';
import type { ActionPlan } from '../../src/core/verdict.js';
import { Engine } from '../../src/engine/engine.js';
import { Gateway } from '../../src/gateway/gateway.js';
import { parseGatewayConfig } from '../../src/gateway/gateway-config.js';
import { PlanApplier } from '../../src/gateway/plan-applier.js';
import { parseMessage } from '../../src/mail/parse.js';
import { verifyLinkToken } from '../../src/mail/rewrite/link-token.js';
import { openStore } from '../../src/store/open-store.js';
import { Mailbox, removeTempDirs, tempDir, until } from './harness.js';

const SECRET = 'gateway-autonomy-test-secret-xx';
const RAW = ['From: Vendor <billing@vendor.test>', 'To: bob@example.org', 'Subject: invoice', 'Message-ID: <a1@vendor.test>', '', 'Pay at https://pay.vendor.test/x today', ''].join('\r\n');

let stopAll: Array<() => Promise<void>> = [];
afterEach(async () => {
  try {
    for (const stop of stopAll.reverse()) await stop();
  } finally {
    stopAll = [];
    removeTempDirs();
  }
});

/** A gateway whose verdicts carry the given plan, with the given autonomy. */
async function gatewayWith(plan: Partial<ActionPlan>, autonomy: 'passive' | 'active'): Promise<{ port: number; mailbox: Mailbox; gateway: Gateway; planApplier: PlanApplier }> {
  const mailbox = new Mailbox();
  await mailbox.start();
  const dataDir = tempDir('belong-autonomy-');
  const store = await openStore({ dbPath: path.join(dataDir, 'belong.db'), databaseUrl: null });
  const engine = new Engine({ store, org: { domains: ['example.org'] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  const process = engine.process.bind(engine);
  engine.process = async (raw, options) => {
    const result = await process(raw, options);
    return { ...result, verdict: { ...result.verdict, actions: { ...result.verdict.actions, ...plan } } };
  };
  const config = parseGatewayConfig({ listen: '127.0.0.1:0', logLevel: 'silent', relay: `127.0.0.1:${mailbox.port}`, retryInitialMs: 50, retryMaxMs: 200 });
  const planApplier = new PlanApplier({ autonomy: { autonomy, autonomyByGroup: {}, groups: {} }, linkBaseUrl: 'https://belong.example.org', linkSecret: SECRET, arc: null, hostname: 'belong-gateway' });
  const gateway = new Gateway({ config, engine, spoolDir: path.join(dataDir, 'spool'), dataDir, logger: pino({ level: 'silent' }), planApplier });
  const { smtpPort } = await gateway.start();
  stopAll.push(async () => {
    await gateway.stop();
    await store.close();
    await mailbox.stop();
  });
  return { port: smtpPort, mailbox, gateway, planApplier };
}

async function send(port: number): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, tls: { rejectUnauthorized: false } });
  await transport.sendMail({ envelope: { from: 'billing@vendor.test', to: 'bob@example.org' }, raw: RAW }).finally(() => transport.close());
}

describe('gateway autonomy', () => {
  it('active: relays the rewritten message (banner, locked link) with the rewrite header', async () => {
    const gw = await gatewayWith({ delivery: 'banner', links: 'lock' }, 'active');
    await send(gw.port);
    await until(() => gw.mailbox.delivered.length === 1);
    const raw = gw.mailbox.delivered[0]?.raw as Buffer;
    const parsed = await parseMessage(raw);
    expect(parsed.text.startsWith('[Caution: belong flagged this email]')).toBe(true);
    const href = parsed.links[0]?.href ?? '';
    expect(verifyLinkToken(SECRET, href.replace('https://belong.example.org/l/', ''))?.url).toBe('https://pay.vendor.test/x');
    expect(raw.toString('latin1')).toMatch(/X-Belong-Rewrite: banner; links=lock \(1\)/u);
    expect(raw.toString('latin1')).toMatch(/X-Belong-Autonomy: active/u);
  });

  it('passive: relays the original bytes with only the X-Belong headers, even when the plan holds', async () => {
    const gw = await gatewayWith({ delivery: 'hold', links: 'lock' }, 'passive');
    await send(gw.port);
    await until(() => gw.mailbox.delivered.length === 1);
    const raw = (gw.mailbox.delivered[0]?.raw as Buffer).toString('latin1');
    expect(raw.endsWith(RAW.slice(RAW.indexOf('From:')))).toBe(true);
    expect(raw).toMatch(/X-Belong-Autonomy: passive/u);
    expect(raw).toMatch(/X-Belong-Actions: delivery=hold/u);
  });

  it('active: a plan that holds is held, not relayed', async () => {
    const gw = await gatewayWith({ delivery: 'hold' }, 'active');
    await send(gw.port);
    await until(async () => (await gw.gateway.metrics.messages.get()).values.some((v) => v.labels.result === 'held'));
    expect(gw.mailbox.delivered).toHaveLength(0);
  });

  it('switched from passive to active while running (a dashboard settings change), the next message is rewritten', async () => {
    const gw = await gatewayWith({ delivery: 'banner', links: 'lock' }, 'passive');
    await send(gw.port);
    await until(() => gw.mailbox.delivered.length === 1);
    gw.planApplier.setAutonomy({ autonomy: 'active', autonomyByGroup: {}, groups: {} });
    await send(gw.port);
    await until(() => gw.mailbox.delivered.length === 2);
    const modes = gw.mailbox.delivered.map((d) => /X-Belong-Autonomy: (\w+)/u.exec(d.raw.toString('latin1'))?.[1]);
    expect(modes.sort()).toEqual(['active', 'passive']);
  });
});
