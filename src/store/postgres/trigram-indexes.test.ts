import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TRIGRAM_INDEXES_SKIPPED_META } from '../migrations.js';
import { sampleStoredVerdict } from '../store.conformance.js';
import type { VerdictFilter } from '../verdict-search.js';
import { type Queryable, openPostgresStore } from './postgres-store.js';
import { type ScratchDatabase, type ScratchSchema, createScratchDatabase, createScratchSchema, testDatabaseUrl, urlWithSchema } from './scratch-schema.js';

/** Migration 6: pg_trgm indexes for the message list's text, tag and recipient filters. */

const T0 = Date.UTC(2026, 0, 1);
const TRIGRAM_INDEXES = ['verdicts_recipients_trgm', 'verdicts_tags_trgm', 'verdicts_text_trgm'];
/** Enough rows that a scan costs the planner more than the index (it picks the index on its own). */
const FILLER_ROWS = 20_000;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  // Newest first: a role is dropped only after the database holding its schema.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchSchema(baseUrl?: string): Promise<ScratchSchema> {
  const s = await createScratchSchema(baseUrl);
  cleanups.push(() => s.drop());
  return s;
}

async function scratchDatabase(): Promise<ScratchDatabase> {
  const d = await createScratchDatabase(testDatabaseUrl(), 'belong_test_trgm');
  cleanups.push(() => d.drop());
  return d;
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function trigramIndexesIn(url: string, schema: string): Promise<string[]> {
  const rows = await sql<{ indexname: string }>(url, "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%\\_trgm' ORDER BY indexname", [schema]);
  return rows.map((r) => r.indexname);
}

async function extensionSchema(url: string): Promise<string | null> {
  const rows = await sql<{ schema: string }>(url, "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'");
  return rows[0]?.schema ?? null;
}

/** The pool, noting each query it is sent, so a test can EXPLAIN exactly what the store ran. */
function recording(pool: pg.Pool, sent: pg.QueryConfig[]): Queryable {
  return {
    query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
      sent.push(config);
      return pool.query<R>(config);
    },
  };
}

describe('migration 6: trigram indexes for message search (PostgreSQL)', () => {
  it('creates them in the store schema, with pg_trgm outside it, and the planner uses them for the store queries', async () => {
    const s = await scratchSchema();
    const sent: pg.QueryConfig[] = [];
    const warnings: string[] = [];
    const store = await openPostgresStore(s.url, { wrap: (pool) => recording(pool, sent), warn: (message) => warnings.push(message) });
    try {
      expect(warnings).toEqual([]);
      expect(await trigramIndexesIn(s.url, s.name)).toEqual(TRIGRAM_INDEXES);
      const extensionIn = await extensionSchema(s.url);
      expect(extensionIn).not.toBeNull();
      expect(extensionIn).not.toBe(s.name);
      expect(await store.getMeta(TRIGRAM_INDEXES_SKIPPED_META)).toBeNull();

      const needle = sampleStoredVerdict('needle', T0, { subject: 'Quarterly ZEPHYRINE audit', from: 'auditor@vendor.example', recipients: ['rare.person@example.com'], tags: ['Rare Tag'] });
      await store.saveVerdict(needle);
      await sql(
        s.url,
        `INSERT INTO verdicts (id, digest, message_id, analysed_at, score, tags, origin, body, sender, recipients, subject, delivery, direction, sender_domain)
         SELECT 'filler-' || g, digest, message_id, analysed_at - g, score, '["First Contact"]', origin, body,
                'colleague' || (g % 500) || '@example.com', '["person' || (g % 300) || '@example.com"]', 'Weekly report ' || g, delivery, direction, 'example.com'
         FROM verdicts, generate_series(1, ${FILLER_ROWS}) AS g WHERE id = 'needle'`,
      );
      await sql(s.url, 'ANALYZE verdicts');

      const cases: Array<{ filter: VerdictFilter; index: string }> = [
        { filter: { text: 'zephyrine' }, index: 'verdicts_text_trgm' },
        { filter: { text: 'auditor@vendor' }, index: 'verdicts_text_trgm' },
        { filter: { tag: 'Rare Tag' }, index: 'verdicts_tags_trgm' },
        { filter: { recipient: 'rare.person@example.com' }, index: 'verdicts_recipients_trgm' },
      ];
      for (const { filter, index } of cases) {
        sent.length = 0;
        const found = await store.searchVerdicts(filter, { limit: 50 });
        expect(found.items.map((v) => v.verdict.id), JSON.stringify(filter)).toEqual(['needle']);
        const [query] = sent;
        if (!query) throw new Error('the store sent its search past the recorder');
        const plan = await sql<{ 'QUERY PLAN': string }>(s.url, `EXPLAIN ${query.text}`, query.values ?? []);
        const text = plan.map((r) => r['QUERY PLAN']).join('\n');
        expect(text, `plan for ${JSON.stringify(filter)}`).toContain(`Bitmap Index Scan on ${index}`);
      }
    } finally {
      await store.close();
    }
  });

  it('survives dropping another schema with CASCADE: the extension and other schemas’ indexes stay', async () => {
    const keep = await scratchSchema();
    const dropped = await createScratchSchema();
    await (await openPostgresStore(keep.url)).close();
    await (await openPostgresStore(dropped.url)).close();
    expect(await trigramIndexesIn(dropped.url, dropped.name)).toEqual(TRIGRAM_INDEXES);
    await dropped.drop();
    expect(await extensionSchema(keep.url)).not.toBeNull();
    expect(await trigramIndexesIn(keep.url, keep.name)).toEqual(TRIGRAM_INDEXES);
  });

  it('completes without the indexes, with a warning and a meta note, when the role may not create the extension', async () => {
    // A role like a locked-down deployment's: it owns its schema, but may not create in the database.
    const role = `belong_test_nopriv_${process.pid}_${randomBytes(4).toString('hex')}`;
    await sql(testDatabaseUrl(), `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    cleanups.push(async () => void (await sql(testDatabaseUrl(), `DROP ROLE IF EXISTS ${role}`)));
    const database = await scratchDatabase();
    await sql(database.url, `CREATE SCHEMA belong AUTHORIZATION ${role}`);
    const asRole = new URL(urlWithSchema(database.url, 'belong'));
    asRole.username = role;

    const warnings: string[] = [];
    const store = await openPostgresStore(asRole.toString(), { warn: (message) => warnings.push(message) });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/no trigram indexes.*permission denied to create extension "pg_trgm"/);
      expect(await store.getMeta(TRIGRAM_INDEXES_SKIPPED_META)).toMatch(/^cannot create extension pg_trgm: permission denied.*SQLSTATE 42501/);
      const applied = await sql<{ version: string }>(database.url, 'SELECT version::text FROM belong.schema_migrations ORDER BY version');
      expect(applied.map((r) => Number(r.version))).toContain(6);
      expect(await extensionSchema(database.url)).toBeNull();
      expect(await trigramIndexesIn(database.url, 'belong')).toEqual([]);

      // Search still answers, by scanning.
      await store.saveVerdict(sampleStoredVerdict('v1', T0, { subject: 'Quarterly ZEPHYRINE audit' }));
      await store.saveVerdict(sampleStoredVerdict('v2', T0 + 1, { subject: 'Lunch' }));
      expect((await store.searchVerdicts({ text: 'zephyrine' }, { limit: 10 })).items.map((v) => v.verdict.id)).toEqual(['v1']);
    } finally {
      await store.close();
    }
    // A later start has nothing pending, so it does not warn again.
    const again = await openPostgresStore(asRole.toString(), { warn: (message) => warnings.push(message) });
    await again.close();
    expect(warnings).toHaveLength(1);
  });

  it('gives every schema its indexes when several migrate at once on a database without pg_trgm', async () => {
    const database = await scratchDatabase();
    const schemas = await Promise.all(Array.from({ length: 3 }, () => createScratchSchema(database.url)));
    const warnings: string[] = [];
    const stores = await Promise.all(schemas.map((s) => openPostgresStore(s.url, { warn: (message) => warnings.push(message) })));
    await Promise.all(stores.map((store) => store.close()));
    expect(warnings).toEqual([]);
    expect(await extensionSchema(database.url)).toBe('public');
    for (const s of schemas) expect(await trigramIndexesIn(database.url, s.name)).toEqual(TRIGRAM_INDEXES);
  });
});
