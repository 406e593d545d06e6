/**
 * `npm run bench:scale`: analysis cost per message against a large learned model — 10,000
 * internal mailboxes and 1,000,000 sender→recipient relationships (issue #3) — and the store's
 * size on disk. The model is generated, not copied from anywhere: 20,000 external senders on
 * 4,000 domains each write twice, each time to 25 of their people (40,000 messages, 1,000,000
 * distinct pairs), and 10% of mailboxes write back (solicited correspondents). Each message is
 * rendered as real RFC 5322 and goes through the same parse → learn path as `belong learn`.
 * Then 2,000 test messages (half from known senders, half first contacts, some lookalikes) are
 * scored: CPU per message for read + analyse, and with parsing included.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPolicy } from '../config/policy-file.js';
import { Engine } from '../engine/engine.js';
import { Learner } from '../engine/batch.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const MAILBOXES = 10_000;
const SENDERS = 20_000;
const DOMAINS = 4_000;
const TEAM = 25;
const MESSAGES_PER_SENDER = 2;
const TEST_MESSAGES = 2_000;
const ORG_DOMAIN = 'bigcorp.example';
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);

const mailbox = (i: number) => `user${i % MAILBOXES}@${ORG_DOMAIN}`;
const senderDomain = (s: number) => `vendor${s % DOMAINS}.example`;
const sender = (s: number) => `contact${s}@${senderDomain(s)}`;
/** Each round a sender writes to another 25 of its people, so 2 rounds make 50 distinct pairs per sender. */
const team = (s: number, round = 0) => Array.from({ length: TEAM }, (_, k) => mailbox((s * 7919 + round * TEAM + k) % MAILBOXES));

function render(from: string, to: readonly string[], at: number, subject: string): Buffer {
  return Buffer.from(
    [
      `Authentication-Results: mx.${ORG_DOMAIN}; spf=pass smtp.mailfrom=${from.split('@')[1]}; dkim=pass header.d=${from.split('@')[1]}; dmarc=pass header.from=${from.split('@')[1]}`,
      `Received: from mail.${from.split('@')[1]} (mail.${from.split('@')[1]} [198.51.100.${at % 250}]) by mx.${ORG_DOMAIN}; ${new Date(at).toUTCString()}`,
      `From: ${from}`,
      `To: ${to.join(', ')}`,
      `Subject: ${subject}`,
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: <${at}.${from}>`,
      '',
      `Hello,\r\nplease find the update for ${subject} at https://portal.${from.split('@')[1]}/orders\r\n`,
    ].join('\r\n'),
  );
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-scale-'));
  const store = await openSqliteStore(path.join(dir, 'belong.db'));
  const engine = new Engine({ store, org: { domains: [ORG_DOMAIN] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  const learner = new Learner(engine);
  const total = SENDERS * MESSAGES_PER_SENDER;
  let at = T0;
  const learnStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let round = 0; round < MESSAGES_PER_SENDER; round += 1) {
    for (let s = 0; s < SENDERS; s += 1) {
      at += Math.floor((180 * DAY) / total);
      await learner.add(await engine.read(render(sender(s), team(s, round), at, `order ${round}-${s}`)), null, at);
      // Solicited correspondents: one in ten contacts has been written to by its team lead.
      if (round === 0 && s % 10 === 0) await learner.add(await engine.read(render(team(s)[0] ?? mailbox(0), [sender(s)], at + 1, `re: order ${s}`)), null, at + 1);
      const done = round * SENDERS + s + 1;
      if (done % 10_000 === 0) process.stderr.write(`learn: ${done}/${total} (${((100 * done) / total).toFixed(0)}%) ${((performance.now() - wallStart) / 1000).toFixed(0)}s\n`);
    }
  }
  await learner.flush();
  const learnCpu = cpuMs(learnStart);
  const sizeAfterLearn = dirBytes(dir);

  const tests = Array.from({ length: TEST_MESSAGES }, (_, i) => {
    const known = i % 2 === 0;
    const s = (i * 104_729) % SENDERS;
    const from = known ? sender(s) : i % 10 === 1 ? `billing@vendor${s % DOMAINS}-payments.example` : `new${i}@stranger${i}.example`;
    return render(from, team(s).slice(0, 1 + (i % 3)), at + DAY + i * 60_000, `invoice ${i}`);
  });
  const parsed = [];
  const parseStart = process.cpuUsage();
  for (const raw of tests) parsed.push(await engine.read(raw));
  const parseCpu = cpuMs(parseStart);
  const scoreStart = process.cpuUsage();
  let flagged = 0;
  for (const [i, message] of parsed.entries()) {
    const verdict = await engine.score(message, at + DAY + i * 60_000);
    if (verdict.tags.length > 0) flagged += 1;
  }
  const scoreCpu = cpuMs(scoreStart);
  await store.close();
  const sizeOnDisk = dirBytes(dir);
  rmSync(dir, { recursive: true, force: true });

  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  process.stdout.write(
    [
      `model: ${MAILBOXES} mailboxes, ${SENDERS} external senders on ${DOMAINS} domains, ${SENDERS * TEAM * MESSAGES_PER_SENDER} sender→recipient relationships, ${total + SENDERS / 10} messages learned`,
      `learn: ${((total * 1000) / learnCpu).toFixed(0)} messages per CPU-second (parse + learn), store on disk ${mib(sizeAfterLearn)} before checkpoint, ${mib(sizeOnDisk)} after close (WAL checkpointed)`,
      `score ${TEST_MESSAGES} messages (half known senders, half first contacts): ${(scoreCpu / TEST_MESSAGES).toFixed(3)} ms CPU per message for profile reads + analysis; ${((parseCpu + scoreCpu) / TEST_MESSAGES).toFixed(3)} ms with parsing and authentication; ${flagged} tagged`,
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    ].join('\n') + '\n',
  );
}

await main();
