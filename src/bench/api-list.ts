/**
 * `npm run bench:api` (issue 7): how fast the API answers the email list with 100,000 stored
 * messages. Target: under 100 ms median per query on this machine.
 *
 * Seeding: the simulated organisation's mail runs through the real engine (a few thousand
 * verdicts, engine-verdicts.ts), and those verdicts are replicated with new ids, times over 90
 * days, senders from a few thousand domains and 1–3 recipients from a few hundred people
 * (verdict-population.ts) into a fresh store. Measuring: the real API server listens on
 * 127.0.0.1, the benchmark logs in over HTTP like a browser (session cookie) and times
 * GET /api/v1/messages for the dashboard's queries (api-list-queries.ts): median, p95 and max
 * over --runs runs after a warm-up. A query over the target gets its query plan printed.
 *
 * Then the dashboard's other pages (api-page-queries.ts, api-pages.ts): overview, people,
 * metrics, widgets, profiles and the held queue, with quarantine entries for the held mail and
 * link clicks on some locked-link mail seeded beside the verdicts (operator-records.ts). The
 * server's clock runs from the newest message's day, so "the last 30 days" are the seeded ones.
 *
 * Options: --postgres (also PostgreSQL, in a scratch schema at BELONG_TEST_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test), --count N (default 100000), --runs N (default 60).
 * Writes .bench/api-list.json (the pages under each backend's `pages`).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ensureFirstAdmin } from '../api/auth/bootstrap.js';
import { buildApiServer } from '../api/server.js';
import { percentile } from '../engine/eval/report.js';
import { Quarantine } from '../quarantine/quarantine.js';
import { Rng } from '../simulate/rng.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { createScratchSchema, testDatabaseUrl } from '../store/postgres/scratch-schema.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { verdictWhere } from '../store/verdict-search.js';
import { ApiBrowser } from './api-browser.js';
import { pageQueries } from './api-page-queries.js';
import { type PageResult, measurePage, pagesTable } from './api-pages.js';
import { operatorRecordsOf } from './operator-records.js';
import { type ListQuery, PAGE_SIZE, SeedStats, listQueries, newerParameters, queryString } from './api-list-queries.js';
import { engineVerdicts } from './engine-verdicts.js';
import { type Population, VerdictReplicator, buildPopulation, mailTimes } from './verdict-population.js';
import type { Verdict } from '../core/verdict.js';

const TARGET_MS = 100;
const WARM_UP_RUNS = 5;
const SEED = 7;
const DAYS = 90;
/** The newest message's day: fixed, so two runs store the same messages. */
const END = Date.UTC(2026, 5, 1);
const PASSWORD = 'benchmark password, not a secret';
const OUT = path.join('.bench', 'api-list.json');

interface Backend {
  readonly name: 'sqlite' | 'postgres';
  readonly store: Store;
  /** Seeding concurrency: SQLite is synchronous, PostgreSQL waits on the network. */
  readonly inFlight: number;
  /** The plan for the list query the backend runs for this filter (its SQL text, mirrored here). */
  explain(query: ListQuery): Promise<string[]>;
  /** After seeding: what a running deployment's background maintenance would have done. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface QueryResult {
  readonly name: string;
  readonly url: string;
  readonly skipped?: string;
  readonly rows?: number;
  readonly hasMore?: boolean;
  readonly matches?: number;
  readonly medianMs?: number;
  readonly p95Ms?: number;
  readonly maxMs?: number;
  readonly runs?: number;
  readonly plan?: string[];
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-api-'));
  const file = path.join(dir, 'belong.db');
  const store = await openSqliteStore(file);
  return {
    name: 'sqlite',
    store,
    inFlight: 1,
    async explain(query) {
      const db = new Database(file, { readonly: true });
      try {
        const where = verdictWhere(query.filter, () => '?');
        const sql = `EXPLAIN QUERY PLAN SELECT body FROM verdicts ${where.sql} ORDER BY analysed_at DESC, id DESC LIMIT ? OFFSET ?`;
        return db.prepare<unknown[], { detail: string }>(sql).all(...where.params, PAGE_SIZE + 1, query.offset).map((r) => r.detail);
      } finally {
        db.close();
      }
    },
    settle: async () => {},
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const schema = await createScratchSchema(testDatabaseUrl(), 'belong_bench_api');
  const store = await openPostgresStore(schema.url, { maxConnections: 10 });
  const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    store,
    inFlight: 8,
    explain: (query) =>
      withClient(async (client) => {
        const where = verdictWhere(query.filter, (n) => `$${n}`);
        const n = where.params.length;
        const sql = `EXPLAIN (ANALYZE, BUFFERS) SELECT body FROM verdicts ${where.sql} ORDER BY analysed_at DESC, id COLLATE "C" DESC LIMIT $${n + 1} OFFSET $${n + 2}`;
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(sql, [...where.params, PAGE_SIZE + 1, query.offset]);
        return rows.map((r) => r['QUERY PLAN']);
      }),
    // Autovacuum analyses a table this size within a minute of the load; the benchmark does not wait for it.
    settle: () => withClient(async (client) => void (await client.query('ANALYZE verdicts, quarantine, link_clicks'))),
    async close() {
      await store.close();
      await schema.drop();
    },
  };
}

interface Seeded {
  readonly stats: SeedStats;
  readonly seconds: number;
  /** Quarantine entries and link clicks stored beside the verdicts. */
  readonly records: { held: number; awaiting: number; clicks: number };
}

/** Stores `count` verdicts grown from the templates; the same seed stores the same messages on every backend. */
async function seed(backend: Backend, templates: readonly Verdict[], population: Population, count: number): Promise<Seeded> {
  const rng = new Rng(SEED);
  const times = mailTimes(rng.fork('times'), count, END, DAYS);
  const replicator = new VerdictReplicator(templates, population, rng.fork('verdicts'));
  const operatorRng = rng.fork('operator records');
  const records = { held: 0, awaiting: 0, clicks: 0 };
  const stats = new SeedStats();
  const every = Math.max(1, Math.round(count / 10));
  const started = performance.now();
  for (let i = 0; i < count; ) {
    const batch: Verdict[] = [];
    for (const end = Math.min(count, i + backend.inFlight); i < end; i++) batch.push(replicator.make(i, times[i] as number));
    await Promise.all(batch.map((verdict) => backend.store.saveVerdict({ verdict, origin: `spool/${verdict.id}` })));
    for (const v of batch) {
      stats.add(v);
      const { quarantine, clicks } = operatorRecordsOf(v, operatorRng, END);
      if (quarantine) {
        await backend.store.putQuarantine(quarantine);
        records.held += 1;
        if (quarantine.state === 'held' || quarantine.state === 'release_requested') records.awaiting += 1;
      }
      for (const click of clicks) await backend.store.recordClick(click);
      records.clicks += clicks.length;
    }
    if (i % every < batch.length) log(`  ${backend.name}: stored ${i.toLocaleString('en')} of ${count.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await backend.settle();
  return { stats, seconds: (performance.now() - started) / 1000, records };
}

async function measure(browser: ApiBrowser, backend: Backend, query: ListQuery, runs: number, documented: ReadonlySet<string>): Promise<QueryResult> {
  const url = queryString(query);
  const missing = newerParameters(query).filter((p) => !documented.has(p));
  if (missing.length > 0) return { name: query.name, url, skipped: `the API has no ${missing.join('/')} parameter yet` };
  type Page = { items: unknown[]; hasMore: boolean };
  for (let i = 0; i < WARM_UP_RUNS; i++) await browser.get<Page>(url);
  const times: number[] = [];
  let last: Page = { items: [], hasMore: false };
  for (let i = 0; i < runs; i++) {
    const answer = await browser.get<Page>(url);
    times.push(answer.ms);
    last = answer.body;
  }
  times.sort((a, b) => a - b);
  const counts = await backend.store.countVerdicts(query.filter);
  const medianMs = percentile(times, 50);
  return {
    name: query.name,
    url,
    rows: last.items.length,
    hasMore: last.hasMore,
    matches: counts.reduce((sum, row) => sum + row.count, 0),
    medianMs,
    p95Ms: percentile(times, 95),
    maxMs: times[times.length - 1] ?? 0,
    runs,
    ...(medianMs > TARGET_MS ? { plan: await backend.explain(query) } : {}),
  };
}

function table(name: string, results: readonly QueryResult[]): string {
  const lines = [`${name}: GET /api/v1/messages (ms over real HTTP, incl. reading the JSON)`, `${'query'.padEnd(42)} ${'rows'.padStart(5)} ${'matches'.padStart(8)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`${r.name.padEnd(42)} skipped: ${r.skipped}`);
      continue;
    }
    const flag = (r.medianMs ?? 0) > TARGET_MS ? '  over target' : '';
    lines.push(`${r.name.slice(0, 42).padEnd(42)} ${String(r.rows).padStart(5)} ${String(r.matches).padStart(8)} ${(r.medianMs ?? 0).toFixed(1).padStart(7)} ${(r.p95Ms ?? 0).toFixed(1).padStart(7)} ${(r.maxMs ?? 0).toFixed(1).padStart(7)}${flag}`);
  }
  return lines.join('\n');
}

async function runBackend(backend: Backend, templates: readonly Verdict[], population: Population, options: { count: number; runs: number }) {
  try {
    log(`\n${backend.name}: seeding ${options.count.toLocaleString('en')} verdicts`);
    const { stats, seconds, records } = await seed(backend, templates, population, options.count);
    log(`  ${backend.name}: seeded in ${seconds.toFixed(1)} s; ${records.held} held messages (${records.awaiting} awaiting a decision), ${records.clicks} link clicks`);
    await ensureFirstAdmin(backend.store, { password: PASSWORD, now: Date.now, write: () => {} });
    // The server lives on the day after the newest message, its clock running from there.
    const started = Date.now();
    const now = () => END + (Date.now() - started);
    const quarantineDir = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-quarantine-'));
    const { app } = await buildApiServer(
      {
        store: backend.store,
        now,
        // Only listed: nothing is released, so the key seals nothing that is kept.
        quarantine: new Quarantine({ store: backend.store, dir: quarantineDir, key: randomBytes(32), now }),
        deliver: async () => {
          throw new Error('the benchmark releases nothing');
        },
        engine: null,
        org: () => ({ domains: [population.orgDomain], groups: population.groups }),
        config: null,
        secureCookies: false,
        sessionTtlMs: 3_600_000,
      },
      { dashboardDir: null },
    );
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const browser = await ApiBrowser.login(base, 'admin', PASSWORD);
      const documented = await browser.documentedParameters('/api/v1/messages');
      const results: QueryResult[] = [];
      for (const query of listQueries(stats, options.count, { domain: population.orgDomain, groups: population.groups })) {
        const result = await measure(browser, backend, query, options.runs, documented);
        results.push(result);
        log(`  ${result.name}: ${result.skipped ?? `median ${result.medianMs?.toFixed(1)} ms`}`);
      }
      log(`\n${table(backend.name, results)}`);
      for (const r of results.filter((x) => x.plan)) log(`\nplan of "${r.name}" (${backend.name}):\n  ${r.plan?.join('\n  ')}`);
      const pages: PageResult[] = [];
      for (const query of pageQueries(stats, { domain: population.orgDomain, groups: population.groups }, now())) {
        const result = await measurePage(browser, query, options.runs);
        pages.push(result);
        log(`  ${result.page} / ${result.name}: median ${result.medianMs.toFixed(1)} ms over ${result.runs} runs`);
      }
      log(`\n${pagesTable(backend.name, pages)}`);
      return { seedSeconds: seconds, records, results, pages };
    } finally {
      await app.close();
      rmSync(quarantineDir, { recursive: true, force: true });
    }
  } finally {
    await backend.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { postgres: { type: 'boolean', default: false }, count: { type: 'string', default: '100000' }, runs: { type: 'string', default: '60' } } });
  const count = Number(values.count);
  const runs = Number(values.runs);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--count and --runs take positive integers');
  const cpus = os.cpus();
  log(`node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model ?? '?'}), ${count.toLocaleString('en')} messages, ${runs} runs per query after ${WARM_UP_RUNS} warm-up`);
  log('engine verdicts: the simulated organisation through the real engine');
  const engine = await engineVerdicts({ seed: 1, learnFirst: 2000, every: 1000, progress: (done, total) => log(`  replayed ${done} of ${total} simulated messages`) });
  log(`  ${engine.verdicts.length} verdicts after learning ${engine.learned} messages`);
  const population = buildPopulation(new Rng(SEED).fork('population'), { orgDomain: engine.orgDomain, people: 320, externalDomains: 4000 });
  const report: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, count, runs, targetMs: TARGET_MS, templates: engine.verdicts.length };
  const backends: Array<() => Promise<Backend>> = [sqliteBackend, ...(values.postgres ? [postgresBackend] : [])];
  for (const open of backends) {
    const backend = await open();
    report[backend.name] = await runBackend(backend, engine.verdicts, population, { count, runs });
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nwrote ${OUT}`);
}

await main();
