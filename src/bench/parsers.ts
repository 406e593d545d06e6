/**
 * Evidence for the parser choice (docs/parser-choice.md): messages per CPU-second, failures,
 * and agreement on basic fields, mailparser's simpleParser vs postal-mime, over real corpora.
 *
 *   npx tsx src/bench/parsers.ts [--sample N]      (or: npm run build && node dist/bench/parsers.js)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type AddressObject } from 'mailparser';
import PostalMime from 'postal-mime';
import { loadSpamAssassin, SPAMASSASSIN_SETS } from './spamassassin.js';

interface Basic {
  subject: string;
  from: string;
  messageId: string;
  hasText: boolean;
  attachments: number;
}

type Corpus = { name: string; messages: Array<{ id: string; raw: Buffer }> };

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const CORPORA = resolve(ROOT, '..', 'shared', 'corpora');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out.sort();
}

function fromFiles(name: string, dir: string, sample: number): Corpus {
  let files = walk(dir);
  // Deterministic spread sample rather than a prefix: lore files are ordered by time.
  if (files.length > sample) {
    const step = files.length / sample;
    files = Array.from({ length: sample }, (_, i) => files[Math.floor(i * step)] as string);
  }
  return { name, messages: files.map((path) => ({ id: path, raw: readFileSync(path) })) };
}

const norm = (s: string | undefined | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

async function viaPostal(raw: Buffer): Promise<Basic> {
  const email = await PostalMime.parse(raw);
  const from = email.from && 'address' in email.from ? (email.from.address ?? '') : '';
  return {
    subject: norm(email.subject),
    from: from.toLowerCase(),
    messageId: norm(email.messageId),
    hasText: norm(email.text).length > 0,
    attachments: email.attachments.length,
  };
}

async function viaMailparser(raw: Buffer): Promise<Basic> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const fromObj = mail.from as AddressObject | undefined;
  return {
    subject: norm(mail.subject),
    from: (fromObj?.value[0]?.address ?? '').toLowerCase(),
    messageId: norm(mail.messageId),
    hasText: norm(typeof mail.text === 'string' ? mail.text : '').length > 0,
    attachments: mail.attachments.length,
  };
}

interface Result {
  ok: number;
  failures: string[];
  cpuMs: number;
  out: Map<string, Basic>;
}

async function run(corpus: Corpus, parse: (raw: Buffer) => Promise<Basic>): Promise<Result> {
  const out = new Map<string, Basic>();
  const failures: string[] = [];
  const start = process.cpuUsage();
  for (const { id, raw } of corpus.messages) {
    try {
      out.set(id, await parse(raw));
    } catch (error) {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const used = process.cpuUsage(start);
  return { ok: out.size, failures, cpuMs: (used.user + used.system) / 1000, out };
}

function agreement(a: Map<string, Basic>, b: Map<string, Basic>): Record<keyof Basic, number> & { both: number } {
  const counts = { subject: 0, from: 0, messageId: 0, hasText: 0, attachments: 0, both: 0 };
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y) continue;
    counts.both++;
    for (const key of ['subject', 'from', 'messageId', 'hasText', 'attachments'] as const) if (x[key] === y[key]) counts[key]++;
  }
  return counts;
}

/** Attacker-shaped inputs: these decide whether a parser's cost is bounded, not its speed on ham. */
function adversarial(): Corpus {
  const head = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: adversarial\r\nMIME-Version: 1.0\r\n';
  let nested = 'body\r\n';
  for (let i = 0; i < 300; i++) nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
  const manyParts = Array.from({ length: 20_000 }, (_, i) => `--x\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
  const manyHeaders = Array.from({ length: 50_000 }, (_, i) => `X-H${i}: v\r\n`).join('');
  return {
    name: 'adversarial(synthetic)',
    messages: [
      { id: 'deep-nesting-300', raw: Buffer.from(head + nested) },
      { id: 'parts-20000', raw: Buffer.from(`${head}Content-Type: multipart/mixed; boundary="x"\r\n\r\n${manyParts}--x--\r\n`) },
      { id: 'headers-50000', raw: Buffer.from(`${head}${manyHeaders}\r\nbody\r\n`) },
      { id: 'one-line-8MiB', raw: Buffer.from(`${head}\r\n${'a'.repeat(8 << 20)}\r\n`) },
      { id: 'base64-attachment-8MiB', raw: Buffer.from(`${head}Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.alloc(6 << 20, 7).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`) },
      { id: 'binary-junk-1MiB', raw: Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) & 0xff)) },
    ],
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

async function main(): Promise<void> {
  const sampleArg = process.argv.indexOf('--sample');
  const sample = sampleArg >= 0 ? Number(process.argv[sampleArg + 1]) : 1500;
  const corpora: Corpus[] = [
    fromFiles('lore_linux_watchdog', join(CORPORA, 'lore_linux_watchdog', 'msgs'), sample),
    fromFiles('parser_fixtures', join(CORPORA, 'parser_fixtures'), Infinity),
    fromFiles('enron_testdata', join(CORPORA, 'enron', 'palimpzest', 'testdata'), Infinity),
    { name: 'spamassassin(all)', messages: SPAMASSASSIN_SETS.flatMap((set) => loadSpamAssassin(set)) },
    adversarial(),
  ];
  // Warm both parsers up so JIT compilation does not count against whichever runs first.
  const warm = corpora.flatMap((c) => c.messages.slice(0, 200));
  for (const { raw } of warm) {
    await viaPostal(raw).catch(() => undefined);
    await viaMailparser(raw).catch(() => undefined);
  }
  console.log('corpus | n | postal-mime msg/CPU-s | mailparser msg/CPU-s | postal fails | mailparser fails | agree subject/from/msgid/hasText/attachments');
  const failureLog: string[] = [];
  for (const corpus of corpora) {
    // Timed twice in alternating order; the better of the two runs counts (GC and noisy neighbours).
    const postalA = await run(corpus, viaPostal);
    const mpA = await run(corpus, viaMailparser);
    const mpB = await run(corpus, viaMailparser);
    const postalB = await run(corpus, viaPostal);
    const postal = postalA.cpuMs <= postalB.cpuMs ? postalA : postalB;
    const mp = mpA.cpuMs <= mpB.cpuMs ? mpA : mpB;
    const agree = agreement(postal.out, mp.out);
    const rate = (r: Result): string => ((1000 * corpus.messages.length) / r.cpuMs).toFixed(0);
    console.log(
      `${corpus.name} | ${corpus.messages.length} | ${rate(postal)} | ${rate(mp)} | ${postal.failures.length} | ${mp.failures.length} | ` +
        `${pct(agree.subject, agree.both)} / ${pct(agree.from, agree.both)} / ${pct(agree.messageId, agree.both)} / ${pct(agree.hasText, agree.both)} / ${pct(agree.attachments, agree.both)}`,
    );
    failureLog.push(...postal.failures.map((f) => `postal-mime ${f}`), ...mp.failures.map((f) => `mailparser ${f}`));
    if (process.argv.includes('--disagreements')) {
      for (const [id, x] of postal.out) {
        const y = mp.out.get(id);
        if (y && JSON.stringify(x) !== JSON.stringify(y)) console.log(`  differ ${id}\n    postal ${JSON.stringify(x)}\n    mailp  ${JSON.stringify(y)}`);
      }
    }
  }
  if (process.argv.includes('--per-message')) {
    for (const { id, raw } of adversarial().messages) {
      for (const [name, parse] of [['postal-mime', viaPostal], ['mailparser', viaMailparser]] as const) {
        const t = process.cpuUsage();
        const outcome = await parse(raw).then(() => 'ok', (e: unknown) => `threw: ${e instanceof Error ? e.message : String(e)}`);
        const u = process.cpuUsage(t);
        console.log(`  ${id} ${name}: ${((u.user + u.system) / 1000).toFixed(0)} ms CPU, ${outcome}`);
      }
    }
  }
  for (const line of failureLog.slice(0, 20)) console.log(`failure: ${line}`);
}

await main();
