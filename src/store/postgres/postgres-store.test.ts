import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ANY_VALUE, key, keyString, valuesKeyString } from '../../core/profile.js';
import { BelongError, ERROR_CODES } from '../../errors.js';
import { MIGRATIONS } from '../migrations.js';
import { openStore } from '../open-store.js';
import { describeStoreConformance, sampleStoredVerdict } from '../store.conformance.js';
import { decodeText, encodeText } from './pg-text.js';
import { migratePostgres } from './postgres-migrate.js';
import { type Queryable, openPostgresStore } from './postgres-store.js';
import { type ScratchSchema, createScratchSchema } from './scratch-schema.js';

const T0 = Date.UTC(2026, 0, 1);
const schemas: ScratchSchema[] = [];
let latest: ScratchSchema | null = null;

/** A fresh schema per store, dropped after the file: tests never see each other's rows. */
async function scratch(): Promise<ScratchSchema> {
  const s = await createScratchSchema();
  schemas.push(s);
  return s;
}

afterAll(async () => {
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});

describeStoreConformance(
  'postgres',
  async () => {
    latest = await scratch();
    return openPostgresStore(latest.url);
  },
  {
    reopen: async () => {
      if (!latest) throw new Error('reopen before open');
      return openPostgresStore(latest.url);
    },
  },
);

async function rows<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgresStore specifics', () => {
  it('records each migration once when several nodes start together on an empty schema', async () => {
    const s = await scratch();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(s.url)));
    await Promise.all(stores.map((store) => store.close()));
    await (await openPostgresStore(s.url)).close();
    const applied = await rows<{ version: string; name: string }>(s.url, 'SELECT version::text, name FROM schema_migrations ORDER BY version');
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: String(m.version), name: m.name })));
  });

  it('refuses a database migrated by a newer belong', async () => {
    const s = await scratch();
    await (await openPostgresStore(s.url)).close();
    await rows(s.url, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
    await expect(openPostgresStore(s.url)).rejects.toMatchObject({ code: ERROR_CODES.STORE, message: /newer than this belong supports/ });
  });

  it('reports an unreachable server as a store error without the password', async () => {
    const error: unknown = await openPostgresStore('postgres://belong:s3cret@127.0.0.1:1/none').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BelongError);
    expect(error).toMatchObject({ code: ERROR_CODES.STORE });
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('rejects calls after close with a store error', async () => {
    const store = await openPostgresStore((await scratch()).url);
    await store.close();
    await store.close(); // idempotent
    await expect(store.readProfiles([key('org', '', 'msg')])).rejects.toBeInstanceOf(BelongError);
    await expect(store.learn([{ key: key('org', '', 'msg'), at: T0 }])).rejects.toBeInstanceOf(BelongError);
  });

  it('rejects negative paging arguments', async () => {
    const store = await openPostgresStore((await scratch()).url);
    try {
      await expect(store.listVerdicts({ limit: -1 })).rejects.toMatchObject({ code: ERROR_CODES.STORE });
    } finally {
      await store.close();
    }
  });

  it('keeps strings PostgreSQL TEXT cannot hold (U+0000) and the encoding marker apart and intact', async () => {
    const store = await openPostgresStore((await scratch()).url);
    try {
      const odd = ['nul\u0000inside', '\uFDD0starts with marker', '\uFDD00', 'plain', '\u0000', ''];
      for (const s of odd) expect(decodeText(encodeText(s))).toBe(s);
      expect(new Set(odd.map(encodeText)).size).toBe(odd.length);
      const keys = odd.map((v) => key('sender', 'a\u0000b', 'displayName', v));
      await store.learn(keys.map((k, i) => ({ key: k, at: T0 + i })));
      const got = await store.readProfiles([...keys, key('sender', 'a\u0000b', 'displayName', ANY_VALUE)]);
      expect(got.size).toBe(odd.length + 1);
      const values = await store.readValues([{ entity: 'sender', id: 'a\u0000b', feature: 'displayName', limit: 50 }]);
      expect(new Set(values.get(valuesKeyString({ entity: 'sender', id: 'a\u0000b', feature: 'displayName' }))?.map((v) => v.value))).toEqual(new Set(odd));
      await store.setMeta('k\u0000', 'v\u0000');
      expect(await store.getMeta('k\u0000')).toBe('v\u0000');
    } finally {
      await store.close();
    }
  });

  it('answers each call in one round trip, whatever the batch size', async () => {
    const queries: string[] = [];
    const counting = (pool: pg.Pool): Queryable => ({
      query: (config) => {
        queries.push(config.text);
        return pool.query(config);
      },
    });
    const store = await openPostgresStore((await scratch()).url, { wrap: counting });
    try {
      const keys = Array.from({ length: 300 }, (_, i) => key('sender', `s${i % 7}`, `f${i % 3}`, `v${i}`));
      queries.length = 0;
      await store.learn(keys.map((k) => ({ key: k, at: T0 })));
      expect(queries).toHaveLength(1);
      await store.readProfiles([...keys, ...keys.map((k) => ({ ...k, value: ANY_VALUE }))]);
      expect(queries).toHaveLength(2);
      const got = await store.readValues(keys.map((k) => ({ entity: k.entity, id: k.id, feature: k.feature, limit: 5 })));
      expect(queries).toHaveLength(3);
      expect(got.size).toBe(21);
      const content = { headers: [], text: 't', html: null, links: [], attachments: [], auth: {}, truncated: false };
      await store.saveVerdict(sampleStoredVerdict('v1', T0), content);
      expect(queries).toHaveLength(4);
      expect(await store.getMessageContent('v1')).toEqual(content);
      expect([...got.values()].every((list) => list.length === 5)).toBe(true);
      expect((await store.readProfiles([key('sender', 's0', 'f0', ANY_VALUE)])).get(keyString(key('sender', 's0', 'f0', ANY_VALUE)))?.distinct).toBe(
        keys.filter((k) => k.id === 's0' && k.feature === 'f0').length,
      );
    } finally {
      await store.close();
    }
  });
  it('plans every call for its own batch size, without JIT compilation, inside the schema the URL names', async () => {
    let pool: pg.Pool | null = null;
    const s = await scratch();
    const store = await openPostgresStore(s.url, {
      wrap: (p) => {
        pool = p;
        return p;
      },
    });
    try {
      const settings = await (pool as unknown as pg.Pool).query<{ mode: string; jit: string; schema: string }>("SELECT current_setting($1) AS mode, current_setting('jit') AS jit, current_schema() AS schema", ['plan_cache_mode']);
      expect(settings.rows[0]).toEqual({ mode: 'force_custom_plan', jit: 'off', schema: s.name });
    } finally {
      await store.close();
    }
  });
});

describe('migration 4', () => {
  it("back-fills each existing verdict's sender domain (after the last '@', lower case)", async () => {
    const s = await scratch();
    const pool = new pg.Pool({ connectionString: s.url });
    try {
      await migratePostgres(pool, MIGRATIONS.filter((m) => m.version <= 3));
      for (const [id, sender] of [['v1', 'a@Evil.Example'], ['v2', '"x@y"@evil.example'], ['v3', null], ['v4', 'no-at-sign'], ['v5', 'b@other.example']] as const) {
        await pool.query("INSERT INTO verdicts (id, digest, analysed_at, score, tags, body, sender) VALUES ($1, 'd', 1, 60, '[]', '{}', $2)", [id, sender]);
      }
    } finally {
      await pool.end();
    }
    const store = await openPostgresStore(s.url);
    try {
      const rows = await store.groupVerdicts({}, { by: 'senderDomain', anomalousScore: 50, limit: 10 });
      expect(rows.map((r) => [r.value, r.total])).toEqual([
        ['evil.example', 2],
        ['other.example', 1],
      ]);
      expect((await store.countVerdicts({ senderDomain: 'evil.example' })).reduce((n, r) => n + r.count, 0)).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('keeps dashboards and audit subjects with U+0000 intact', async () => {
    const store = await openPostgresStore((await scratch()).url);
    try {
      const d = { id: 'd\u0000', ownerId: 'u\u0000', name: 'n\u0000ame', shared: false, widgets: [{ t: 'w\u0000' }], createdAt: 1, updatedAt: 2 };
      expect(await store.createDashboard(d)).toBe(true);
      expect(await store.listDashboards('u\u0000')).toEqual([d]);
      await store.appendAudit({ at: 1, actor: 'a', action: 'x', subject: 's\u0000', detail: {} });
      expect((await store.listAudit({ limit: 5, subject: 's\u0000' })).map((e) => e.subject)).toEqual(['s\u0000']);
      await store.putQuarantineBlob('q\u0000', Buffer.from([0]));
      expect(await store.getQuarantineBlob('q\u0000')).toEqual(Buffer.from([0]));
    } finally {
      await store.close();
    }
  });
});

describe('openStore', () => {
  it('selects PostgreSQL when a database URL is set', async () => {
    const store = await openStore({ dbPath: 'unused', databaseUrl: (await scratch()).url });
    try {
      expect(store.backend).toBe('postgres');
    } finally {
      await store.close();
    }
  });
});

describe('PostgresStore audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the audit log even from raw SQL (trigger)', async () => {
    const s = await scratch();
    const store = await openPostgresStore(s.url);
    await store.appendAudit({ at: 1, actor: 'a', action: 'x', subject: 's', detail: {} });
    await store.close();
    await expect(rows(s.url, "UPDATE audit_log SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(rows(s.url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(rows(s.url, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await rows(s.url, 'SELECT actor FROM audit_log')).toEqual([{ actor: 'a' }]);
  });
});
