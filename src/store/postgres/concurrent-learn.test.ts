import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Counter, type Observation, key, keyString, massAt, mergeCounters } from '../../core/profile.js';
import { openPostgresStore } from './postgres-store.js';
import { type ScratchSchema, createScratchSchema } from './scratch-schema.js';
import { mulberry32 } from '../../simulate/rng.js';

const WORKER = fileURLToPath(new URL('../../../test/helpers/pg-learn-worker.ts', import.meta.url));
const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;


/**
 * 20k observations in "messages" of 10, over few enough keys (skewed towards a hot set, as
 * real mail is: the org total, the big correspondents) that the two nodes constantly upsert
 * the same rows at the same time — the case a read-modify-write would get wrong.
 */
function messages(count: number, seed: number): Observation[][] {
  const r = mulberry32(seed);
  const hot = () => Math.floor(r() ** 3 * 400);
  return Array.from({ length: count }, () => {
    const at = T0 + Math.floor(r() * 700 * DAY);
    return [
      { key: key('org', '', 'msg'), at },
      ...Array.from({ length: 9 }, () => ({ key: key(['sender', 'senderDomain', 'recipient'][hot() % 3] ?? 'sender', `id${hot()}`, `f${hot() % 4}`, `v${hot() % 13}`), at })),
    ];
  });
}

interface ProfileRow {
  entity: string;
  id: string;
  feature: string;
  value: string;
  count: string;
  mass: number;
  first_seen: string;
  last_seen: string;
}

async function allProfiles(url: string): Promise<ProfileRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = 'SELECT entity, id, feature, value, count::text, mass, first_seen::text, last_seen::text FROM profiles ORDER BY entity, id, feature, value';
    return (await client.query<ProfileRow>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Starts one node; resolves once it has migrated and is waiting for "go". */
function startNode(url: string, batchesFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, batchesFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 && stdout.includes('done') ? resolve() : reject(new Error(`learn worker exited ${code}: ${stderr}`)))),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('ready') && resolve());
    exited.catch(reject);
  });
  return { ready, exited, go: () => child.stdin.write('go\n') };
}

const schemas: ScratchSchema[] = [];
let dir = '';
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PostgreSQL: two nodes learning at once', () => {
  it('two processes learning disjoint halves in parallel equal one process learning the whole stream', async () => {
    const stream = messages(2_000, 20_260_101);
    expect(stream.flat()).toHaveLength(20_000);
    dir = await mkdtemp(path.join(os.tmpdir(), 'belong-pg-concurrency-'));
    // Interleaved halves: both nodes see the hot keys throughout, not one after the other.
    const halves = [stream.filter((_, i) => i % 2 === 0), stream.filter((_, i) => i % 2 === 1)];
    const files = await Promise.all(
      halves.map(async (half, i) => {
        const file = path.join(dir, `half-${i}.json`);
        await writeFile(file, JSON.stringify(half));
        return file;
      }),
    );

    // Both nodes open the same empty schema at once: migrations race too.
    const shared = await createScratchSchema();
    schemas.push(shared);
    const nodes = files.map((file) => startNode(shared.url, file));
    await Promise.all(nodes.map((n) => n.ready));
    for (const n of nodes) n.go();
    await Promise.all(nodes.map((n) => n.exited));

    const single = await createScratchSchema();
    schemas.push(single);
    const store = await openPostgresStore(single.url);
    try {
      for (const message of stream) await store.learn(message);
    } finally {
      await store.close();
    }

    const [parallel, whole] = await Promise.all([allProfiles(shared.url), allProfiles(single.url)]);
    expect(parallel.length).toBe(whole.length);
    expect(whole.length).toBeGreaterThan(100);
    // And the single process agrees with the reference fold, so "equal" cannot mean "equally wrong".
    const reference = new Map<string, Counter>();
    for (const { key: k, at } of stream.flat()) reference.set(keyString(k), mergeCounters(reference.get(keyString(k)), { count: 1, mass: massAt(at), firstSeen: at, lastSeen: at }));
    expect(whole.length).toBe(reference.size);
    for (const row of whole) {
      const expected = reference.get(keyString(row)) as Counter;
      expect([Number(row.count), Number(row.first_seen), Number(row.last_seen)]).toEqual([expected.count, expected.firstSeen, expected.lastSeen]);
      expect(Math.abs(row.mass - expected.mass) / expected.mass).toBeLessThan(1e-9);
    }
    const total = whole.filter((r) => r.entity === 'org').reduce((sum, r) => sum + Number(r.count), 0);
    expect(total).toBe(2_000);
    parallel.forEach((row, i) => {
      const expected = whole[i] as ProfileRow;
      // Everything but mass exactly (counts, first/last seen); mass is a float sum in another order.
      expect({ ...row, mass: 0 }).toEqual({ ...expected, mass: 0 });
      expect(Math.abs(row.mass - expected.mass) / expected.mass).toBeLessThan(1e-9);
    });
  });
});
