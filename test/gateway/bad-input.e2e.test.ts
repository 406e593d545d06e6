import { afterEach, describe, expect, it } from 'vitest';
import { Mailbox, message, RawClient, startGateway, until, type RunningGateway } from './harness.js';

let mailbox: Mailbox;
let running: RunningGateway | null = null;

async function setup(settings: Record<string, unknown> = {}): Promise<RunningGateway> {
  mailbox = new Mailbox();
  await mailbox.start();
  running = await startGateway({ relay: `127.0.0.1:${mailbox.port}`, ...settings });
  return running;
}

afterEach(async () => {
  await running?.stop();
  running = null;
  await mailbox.stop();
});

async function openTransaction(port: number, recipients = ['bob@example.org']): Promise<RawClient> {
  const client = await RawClient.connect(port);
  expect(await client.reply()).toMatch(/^220 /u);
  expect(await client.command('EHLO client.test')).toMatch(/^250/u);
  expect(await client.command('MAIL FROM:<alice@sender.test>')).toMatch(/^250/u);
  for (const rcpt of recipients) expect(await client.command(`RCPT TO:<${rcpt}>`)).toMatch(/^250/u);
  return client;
}

describe('gateway against bad input', () => {
  it('advertises SIZE, PIPELINING, 8BITMIME, SMTPUTF8 and STARTTLS', async () => {
    const gw = await setup({ maxMessageBytes: 1000 });
    const client = await RawClient.connect(gw.port);
    await client.reply();
    const ehlo = await client.command('EHLO client.test');
    for (const keyword of ['SIZE 1000', 'PIPELINING', '8BITMIME', 'SMTPUTF8', 'STARTTLS']) expect(ehlo).toContain(keyword);
    client.end();
  });

  it('answers 552 for a message over SIZE, and keeps serving', async () => {
    const gw = await setup({ maxMessageBytes: 2000 });
    const client = await openTransaction(gw.port);
    expect(await client.command('DATA')).toMatch(/^354/u);
    const big = `${message('too big')}${'x'.repeat(76)}\r\n`.repeat(60);
    expect(await client.command(`${big}.`)).toMatch(/^552/u);
    expect(await client.command('MAIL FROM:<alice@sender.test> SIZE=999999')).toMatch(/^552/u);
    client.end();
    expect(mailbox.delivered).toHaveLength(0);
    const next = await openTransaction(gw.port);
    expect(await next.command('DATA')).toMatch(/^354/u);
    expect(await next.command(`${message('small')}.`)).toMatch(/^250/u);
    next.end();
    await until(() => mailbox.delivered.length === 1);
  });

  it('answers 452 past the recipient limit and delivers to the accepted ones', async () => {
    const gw = await setup({ maxRecipients: 2 });
    const client = await openTransaction(gw.port, ['a@example.org', 'b@example.org']);
    expect(await client.command('RCPT TO:<c@example.org>')).toMatch(/^452/u);
    expect(await client.command('DATA')).toMatch(/^354/u);
    expect(await client.command(`${message('limit')}.`)).toMatch(/^250/u);
    client.end();
    await until(() => mailbox.delivered.length === 1);
    expect(mailbox.delivered[0]?.to).toEqual(['a@example.org', 'b@example.org']);
  });

  it('accepts and delivers NUL bytes and 8-bit junk (never dropped), bytes unchanged', async () => {
    const gw = await setup();
    const client = await openTransaction(gw.port);
    expect(await client.command('DATA')).toMatch(/^354/u);
    const junk = Buffer.concat([Buffer.from('From: x@sender.test\r\nSubject: \xff\xfe junk\r\n\r\n', 'latin1'), Buffer.from([0, 1, 2, 0xc3, 0x28, 0xff, 0x0d, 0x0a]), Buffer.from('.\r\n')]);
    expect(await client.command(junk)).toMatch(/^250/u);
    client.end();
    await until(() => mailbox.delivered.length === 1);
    const raw = mailbox.delivered[0]?.raw ?? Buffer.alloc(0);
    expect(raw.includes(Buffer.from([0, 1, 2, 0xc3, 0x28, 0xff]))).toBe(true);
    expect(raw.toString('latin1')).toMatch(/X-Belong-(Verdict-Id|Analysis)/u);
  });

  it('answers malformed commands, over-long lines and a header bomb, and stays up', async () => {
    const gw = await setup({ maxMessageBytes: 5_000_000 });
    const client = await RawClient.connect(gw.port);
    await client.reply();
    expect(await client.command('HELO')).toMatch(/^501/u);
    expect(await client.command('EHLO client.test')).toMatch(/^250/u);
    expect(await client.command('MAIL FROM:not-an-address')).toMatch(/^5\d\d/u);
    expect(await client.command('RCPT TO:<bob@example.org>')).toMatch(/^503/u);
    expect(await client.command('BOGUS\0COMMAND')).toMatch(/^5\d\d/u);
    // An over-long command line is answered (421) and that connection closed; others carry on.
    expect(await client.command(`NOOP ${'a'.repeat(20_000)}`)).toMatch(/^(421|5\d\d) /u);
    client.end();
    const bomb = await openTransaction(gw.port);
    expect(await bomb.command('DATA')).toMatch(/^354/u);
    const headers = Array.from({ length: 50_000 }, (_, i) => `X-Bomb-${i}: ${'y'.repeat(40)}`).join('\r\n');
    expect(await bomb.command(`${headers}\r\nSubject: bomb\r\n\r\nbody\r\n.`)).toMatch(/^250/u);
    bomb.end();
    await until(() => mailbox.delivered.length === 1);
  });

  it('times out a slow client without blocking another one', async () => {
    const gw = await setup({ socketTimeoutMs: 300 });
    const slow = await RawClient.connect(gw.port);
    await slow.reply();
    slow.write('EHLO slo');
    const fast = await openTransaction(gw.port);
    expect(await fast.command('DATA')).toMatch(/^354/u);
    expect(await fast.command(`${message('while slow waits')}.`)).toMatch(/^250/u);
    fast.end();
    await until(() => slow.closed);
    await until(() => mailbox.delivered.length === 1);
  });

  it('ends a session that trickles bytes past the session time limit', async () => {
    const gw = await setup({ socketTimeoutMs: 5_000, sessionTimeoutMs: 300 });
    const loris = await openTransaction(gw.port);
    expect(await loris.command('DATA')).toMatch(/^354/u);
    const drip = setInterval(() => loris.write('x'), 50);
    await until(() => loris.closed);
    clearInterval(drip);
    expect(mailbox.delivered).toHaveLength(0);
  });

  it('limits sessions per client address with 421', async () => {
    const gw = await setup({ maxSessionsPerIp: 1 });
    const first = await RawClient.connect(gw.port);
    expect(await first.reply()).toMatch(/^220/u);
    const second = await RawClient.connect(gw.port);
    expect(await second.reply()).toMatch(/^421/u);
    first.end();
    second.end();
  });
});
