/**
 * `npm run bench:store`: the store's share of the production path, SQLite vs PostgreSQL.
 * The lore mailing-list corpus is parsed once up front; then, per backend and on a fresh
 * database, every message goes through Engine.score (batched profile + value reads, analysis),
 * saveVerdict and Engine.learn — what a gateway does per message after parsing. Reports wall
 * time (a networked store waits, and waiting is what CPU time would hide), messages per second,
 * round trips per message (every query counted through a wrapper around the pool), and for
 * PostgreSQL also several messages in flight at once (one node's concurrent SMTP sessions).
 *
 * PostgreSQL: BELONG_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test; the run uses
 * a scratch schema and drops it afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadPolicy } from '../config/policy-file.js';
import type { Message } from '../core/message.js';
import { key, keyString } from '../core/profile.js';
import { Engine } from '../engine/engine.js';
import { readMessage } from '../engine/read-message.js';
import { type Queryable, openPostgresStore } from '../store/postgres/postgres-store.js';
import { createScratchSchema, testDatabaseUrl } from '../store/postgres/scratch-schema.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

const LORE = fileURLToPath(new URL('../../../shared/corpora/lore_linux_watchdog/msgs', import.meta.url));
const ORG = { domains: ['vger.kernel.org'] };
const START = Date.UTC(2024, 0, 1);

interface Run {
  readonly backend: string;
  readonly inFlight: number;
  readonly messages: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** This process's CPU per message (the database server's own CPU is not included). */
  readonly cpuMsPerMessage: number;
  /** Wall time inside each kind of store call per message; only with one message in flight (readProfiles and readValues overlap). */
  readonly storeMsPerMessage: Record<string, number> | null;
  readonly roundTripsPerMessage: number | null;
  readonly learned: number;
}

/** Parsing (and authentication) once, so the runs below measure the store, not the parser. */
async function parseCorpus(): Promise<Message[]> {
  const files = readdirSync(LORE).sort();
  const out: Message[] = [];
  for (const f of files) out.push(await readMessage(readFileSync(path.join(LORE, f)), { envelope: null, orgDomains: ORG.domains, trustedAuthservIds: [], resolver: null }));
  return out;
}

/**
 * The store with the wall time spent inside its calls added up, so the figures separate the
 * store from analysis (meaningful with one message in flight; overlapping calls would double count).
 */
function timed(inner: Store): { store: Store; ms: () => Record<string, number> } {
  const ms: Record<string, number> = { readProfiles: 0, readValues: 0, saveVerdict: 0, learn: 0 };
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      ms[name] = (ms[name] ?? 0) + performance.now() - t;
    }
  };
  const store: Store = {
    backend: inner.backend,
    migrate: () => inner.migrate(),
    readProfiles: (keys) => time('readProfiles', () => inner.readProfiles(keys)),
    readValues: (queries) => time('readValues', () => inner.readValues(queries)),
    learn: (observations) => time('learn', () => inner.learn(observations)),
    saveVerdict: (stored, content) => time('saveVerdict', () => inner.saveVerdict(stored, content)),
    getVerdict: (id) => inner.getVerdict(id),
    getMessageContent: (verdictId) => inner.getMessageContent(verdictId),
    pruneMessageContent: (before) => inner.pruneMessageContent(before),
    listVerdicts: (options) => inner.listVerdicts(options),
    getMeta: (name) => inner.getMeta(name),
    setMeta: (name, value) => inner.setMeta(name, value),
    putQuarantine: (entry) => inner.putQuarantine(entry),
    transitionQuarantine: (id, from, next, options) => inner.transitionQuarantine(id, from, next, options),
    getQuarantine: (id) => inner.getQuarantine(id),
    listQuarantine: (options) => inner.listQuarantine(options),
    appendAudit: (entry) => inner.appendAudit(entry),
    listAudit: (options) => inner.listAudit(options),
    recordClick: (click) => inner.recordClick(click),
    listClicks: (verdictId) => inner.listClicks(verdictId),
    searchVerdicts: (filter, page) => inner.searchVerdicts(filter, page),
    countVerdicts: (filter) => inner.countVerdicts(filter),
    groupVerdicts: (filter, options) => inner.groupVerdicts(filter, options),
    countRecipientTags: (filter, recipients) => inner.countRecipientTags(filter, recipients),
    recipientClicks: (filter, recipients, newest) => inner.recipientClicks(filter, recipients, newest),
    createDashboard: (dashboard) => inner.createDashboard(dashboard),
    updateDashboard: (dashboard) => inner.updateDashboard(dashboard),
    deleteDashboard: (id) => inner.deleteDashboard(id),
    getDashboard: (id) => inner.getDashboard(id),
    listDashboards: (userId) => inner.listDashboards(userId),
    putQuarantineBlob: (id, sealed) => inner.putQuarantineBlob(id, sealed),
    getQuarantineBlob: (id) => inner.getQuarantineBlob(id),
    deleteQuarantineBlob: (id) => inner.deleteQuarantineBlob(id),
    createUser: (user) => inner.createUser(user),
    updateUser: (user) => inner.updateUser(user),
    getUser: (id) => inner.getUser(id),
    getUserByName: (username) => inner.getUserByName(username),
    listUsers: () => inner.listUsers(),
    createSession: (session) => inner.createSession(session),
    getSession: (idHash) => inner.getSession(idHash),
    deleteSession: (idHash) => inner.deleteSession(idHash),
    deleteUserSessions: (userId) => inner.deleteUserSessions(userId),
    createApiToken: (token) => inner.createApiToken(token),
    getApiTokenByHash: (hash) => inner.getApiTokenByHash(hash),
    listApiTokens: (userId) => inner.listApiTokens(userId),
    revokeApiToken: (id, at) => inner.revokeApiToken(id, at),
    close: () => inner.close(),
  };
  return { store, ms: () => ms };
}

/** The per-message production path after parsing: score, persist the verdict, learn. */
async function processAll(inner: Store, messages: readonly Message[], inFlight: number): Promise<{ seconds: number; cpuMsPerMessage: number; storeMsPerMessage: Record<string, number> }> {
  const { store, ms } = timed(inner);
  const engine = new Engine({ store, org: ORG, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < messages.length) {
        const i = next++;
        const message = messages[i] as Message;
        const now = START + i * 60_000;
        const verdict = await engine.score(message, now);
        await store.saveVerdict({ verdict, origin: null });
        await engine.learn(engine.observe(message, verdict, now));
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuMsPerMessage: (used.user + used.system) / 1000 / messages.length, storeMsPerMessage: Object.fromEntries(Object.entries(ms()).map(([k, v]) => [k, v / messages.length])) };
}

/** The org total counts every message learned (held mail is not): a cheap check that both backends did the same work. */
async function learnedMessages(store: Store): Promise<number> {
  const totals = [key('org', '', 'in'), key('org', '', 'out')];
  const got = await store.readProfiles(totals);
  return totals.reduce((sum, k) => sum + (got.get(keyString(k))?.count ?? 0), 0);
}

async function sqliteRun(messages: readonly Message[]): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-bench-store-'));
  const store = await openSqliteStore(path.join(dir, 'bench.db'));
  try {
    const { seconds, cpuMsPerMessage, storeMsPerMessage } = await processAll(store, messages, 1);
    return { backend: 'sqlite', inFlight: 1, messages: messages.length, seconds, cpuMsPerMessage, storeMsPerMessage, perSecond: messages.length / seconds, roundTripsPerMessage: null, learned: await learnedMessages(store) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(messages: readonly Message[], inFlight: number): Promise<Run> {
  const schema = await createScratchSchema(testDatabaseUrl(), 'belong_bench');
  let queries = 0;
  const counting = (pool: pg.Pool): Queryable => ({
    query: (config) => {
      queries++;
      return pool.query(config);
    },
  });
  const store = await openPostgresStore(schema.url, { wrap: counting, maxConnections: Math.max(2, inFlight * 2) });
  try {
    queries = 0;
    const { seconds, cpuMsPerMessage, storeMsPerMessage } = await processAll(store, messages, inFlight);
    const roundTripsPerMessage = queries / messages.length;
    return { backend: 'postgres', inFlight, messages: messages.length, seconds, cpuMsPerMessage, storeMsPerMessage: inFlight === 1 ? storeMsPerMessage : null, perSecond: messages.length / seconds, roundTripsPerMessage, learned: await learnedMessages(store) };
  } finally {
    await store.close();
    await schema.drop();
  }
}

/**
 * Learning alone, the multi-node limit: learn calls shaped like the lore corpus (53 counters
 * per message, three of them touched by every message, like the organisation totals), with
 * 1/4/16 calls in flight, one message per call and 20 messages per call (per-node batching).
 */
async function learnContention(): Promise<Array<{ perCall: number; inFlight: number; messagesPerSecond: number }>> {
  const schema = await createScratchSchema(testDatabaseUrl(), 'belong_bench_learn');
  const out = [];
  try {
    for (const perCall of [1, 20]) {
      for (const inFlight of [1, 4, 16]) {
        const store = await openPostgresStore(schema.url, { maxConnections: inFlight });
        const calls = Math.round(3000 / perCall);
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (next < calls) {
              const call = next++;
              const observations = Array.from({ length: perCall }, (_, m) => {
                const message = call * perCall + m;
                const at = START + message * 1_000;
                const hot = [key('org', '', 'in'), key('org', '', 'sent'), key('recipient', 'list@example.org', 'in')];
                const cold = Array.from({ length: 50 }, (_, j) => key('sender', `s${(message * 7 + j) % 5000}@example.com`, `f${j}`, `v${message % 13}`));
                return [...hot, ...cold].map((k) => ({ key: k, at }));
              }).flat();
              await store.learn(observations);
            }
          }),
        );
        out.push({ perCall, inFlight, messagesPerSecond: (calls * perCall) / ((performance.now() - started) / 1000) });
        await store.close();
      }
    }
  } finally {
    await schema.drop();
  }
  return out;
}

async function main(): Promise<void> {
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), PostgreSQL at ${testDatabaseUrl()}\n`);
  const messages = await parseCorpus();
  process.stdout.write(`lore corpus: ${messages.length} messages parsed up front\n\n`);
  // Warm-up on a slice so JIT compilation is not billed to the first backend.
  await sqliteRun(messages.slice(0, 300));
  const runs: Run[] = [await sqliteRun(messages)];
  for (const inFlight of [1, 4, 16]) runs.push(await postgresRun(messages, inFlight));
  process.stdout.write(`${'backend'.padEnd(10)} ${'in flight'.padStart(9)} ${'msgs'.padStart(6)} ${'seconds'.padStart(8)} ${'msgs/s'.padStart(8)} ${'client cpu-ms/msg'.padStart(17)} ${'round trips/msg'.padStart(16)} ${'learned'.padStart(8)}\n`);
  for (const r of runs) {
    const trips = r.roundTripsPerMessage === null ? 'in-process' : r.roundTripsPerMessage.toFixed(2);
    process.stdout.write(`${r.backend.padEnd(10)} ${String(r.inFlight).padStart(9)} ${String(r.messages).padStart(6)} ${r.seconds.toFixed(2).padStart(8)} ${r.perSecond.toFixed(0).padStart(8)} ${r.cpuMsPerMessage.toFixed(3).padStart(17)} ${trips.padStart(16)} ${String(r.learned).padStart(8)}\n`);
  }
  process.stdout.write('\nwall ms per message inside each store call (one message in flight):\n');
  for (const r of runs) {
    if (!r.storeMsPerMessage) continue;
    const parts = Object.entries(r.storeMsPerMessage).map(([k, v]) => `${k} ${v.toFixed(3)}`);
    process.stdout.write(`  ${r.backend.padEnd(10)} ${parts.join(', ')}\n`);
  }
  const contention = await learnContention();
  process.stdout.write('\nPostgreSQL learn only (53 counters per message, 3 hot), messages learned per second:\n');
  for (const c of contention) process.stdout.write(`  ${String(c.perCall).padStart(2)} message(s) per call, ${String(c.inFlight).padStart(2)} calls in flight: ${c.messagesPerSecond.toFixed(0)}\n`);
  process.stdout.write(`\n${JSON.stringify({ runs, contention })}\n`);
}

await main();
