/**
 * `npm run bench`: throughput and memory of parse-only and of the full analysis (parse,
 * authenticate, profile read, analyse, learn) over the SpamAssassin corpus (easy_ham, spam) and
 * the shared mailing-list corpus. Figures are per CPU-second (process.cpuUsage), so a busy
 * shared machine skews them less than wall time would; peak RSS from the OS.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPolicy } from '../config/policy-file.js';
import { Engine } from '../engine/engine.js';
import { parseMessage } from '../mail/parse.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { loadSpamAssassin } from './spamassassin.js';

type Corpus = { name: string; messages: Array<{ id: string; raw: Buffer }> };

const LORE = fileURLToPath(new URL('../../../shared/corpora/lore_linux_watchdog/msgs', import.meta.url));

function loreCorpus(): Corpus {
  const files = readdirSync(LORE).sort();
  return { name: 'lore (mailing list)', messages: files.map((f) => ({ id: f, raw: readFileSync(path.join(LORE, f)) })) };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function parseOnly(corpus: Corpus): Promise<number> {
  const start = process.cpuUsage();
  for (const m of corpus.messages) await parseMessage(m.raw);
  return corpus.messages.length / cpuSeconds(start);
}

interface FullResult {
  readonly perCpuSecond: number;
  /** Share of wall time per stage. */
  readonly stages: Record<string, number>;
}

/** The production path, stage by stage: every message scored against what came before, then learned. */
async function fullAnalysis(corpus: Corpus, orgDomains: string[]): Promise<FullResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-'));
  const store = await openSqliteStore(path.join(dir, 'bench.db'));
  const policy = loadPolicy();
  const engine = new Engine({ store, org: { domains: orgDomains }, policy, trustedAuthservIds: [], resolver: null });
  const stages = { parse: 0, authenticate: 0, 'score (profile reads + checks)': 0, learn: 0 };
  const { authenticateMessage } = await import('../mail/auth.js');
  let now = Date.UTC(2024, 0, 1);
  const start = process.cpuUsage();
  for (const m of corpus.messages) {
    let t = performance.now();
    const parsed = await parseMessage(m.raw);
    stages.parse += performance.now() - t;
    t = performance.now();
    const auth = await authenticateMessage({ raw: m.raw, headers: parsed.headers, envelope: null, orgDomains, trustedAuthservIds: [], resolver: null });
    stages.authenticate += performance.now() - t;
    const message = { ...parsed, auth };
    now += 60_000;
    t = performance.now();
    const verdict = await engine.score(message, now);
    stages['score (profile reads + checks)'] += performance.now() - t;
    t = performance.now();
    await engine.learn(engine.observe(message, verdict, now));
    stages.learn += performance.now() - t;
  }
  const perCpuSecond = corpus.messages.length / cpuSeconds(start);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  return { perCpuSecond, stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v / total])) };
}

async function main(): Promise<void> {
  const corpora: Array<Corpus & { org: string[] }> = [
    { name: 'spamassassin easy_ham', messages: loadSpamAssassin('easy_ham'), org: [] },
    { name: 'spamassassin spam', messages: loadSpamAssassin('spam'), org: [] },
    { ...loreCorpus(), org: ['vger.kernel.org'] },
  ];
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})\n\n`);
  process.stdout.write(`${'corpus'.padEnd(24)} ${'msgs'.padStart(6)} ${'parse/cpu-s'.padStart(12)} ${'full/cpu-s'.padStart(11)}  where the full analysis spends its time\n`);
  const results = [];
  for (const corpus of corpora) {
    // One warm-up pass so JIT compilation is not billed to the first corpus.
    if (results.length === 0) await parseOnly({ ...corpus, messages: corpus.messages.slice(0, 200) });
    const parse = await parseOnly(corpus);
    const full = await fullAnalysis(corpus, corpus.org);
    const split = Object.entries(full.stages)
      .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
      .join(', ');
    process.stdout.write(`${corpus.name.padEnd(24)} ${String(corpus.messages.length).padStart(6)} ${parse.toFixed(0).padStart(12)} ${full.perCpuSecond.toFixed(0).padStart(11)}  ${split}\n`);
    results.push({ corpus: corpus.name, messages: corpus.messages.length, parsePerCpuSecond: parse, fullPerCpuSecond: full.perCpuSecond, stages: full.stages });
  }
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\npeak RSS ${peakRssMiB.toFixed(0)} MiB (whole run, all corpora held in memory)\n`);
  process.stdout.write(`${JSON.stringify({ results, peakRssMiB })}\n`);
}

await main();
