import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key } from '../../core/profile.js';
import { BelongError, ERROR_CODES } from '../../errors.js';
import { MIGRATIONS, pendingMigrations } from '../migrations.js';
import { defaultDbPath, openStore } from '../open-store.js';
import { describeStoreConformance } from '../store.conformance.js';
import { migrateSqlite } from './sqlite-migrate.js';
import { openSqliteStore } from './sqlite-store.js';

let dir = '';
let counter = 0;
let latest = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belong-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeStoreConformance(
  'sqlite',
  async () => {
    latest = path.join(dir, `conf-${++counter}`, 'belong.db');
    return openSqliteStore(latest);
  },
  { reopen: () => openSqliteStore(latest) },
);

describe('SqliteStore specifics', () => {
  it('creates the parent directory and turns on WAL and the other pragmas', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'x.db');
    const store = await openSqliteStore(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.pragma('journal_mode')).toBe('wal');
      expect(store.pragma('synchronous')).toBe(1); // NORMAL
      expect(store.pragma('busy_timeout')).toBe(5000);
      expect(store.pragma('foreign_keys')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('records each migration once however often the file is opened', async () => {
    const file = path.join(dir, 'twice.db');
    await (await openSqliteStore(file)).close();
    await (await openSqliteStore(file)).close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    db.close();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('refuses a database migrated by a newer belong', async () => {
    const file = path.join(dir, 'newer.db');
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('future');
    db.close();
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: ERROR_CODES.STORE });
  });

  it('rejects calls after close with a store error', async () => {
    const store = await openSqliteStore(path.join(dir, 'closed.db'));
    await store.close();
    await store.close(); // idempotent
    await expect(store.readProfiles([key('org', '', 'msg')])).rejects.toBeInstanceOf(BelongError);
  });

  it('rejects negative paging arguments instead of treating them as "no limit"', async () => {
    const store = await openSqliteStore(path.join(dir, 'paging.db'));
    try {
      await expect(store.listVerdicts({ limit: -1 })).rejects.toMatchObject({ code: ERROR_CODES.STORE });
    } finally {
      await store.close();
    }
  });

  it('reports an unopenable path as a store error naming the file', async () => {
    const blocker = path.join(dir, 'a-file');
    await (await openSqliteStore(blocker)).close();
    await expect(openSqliteStore(path.join(blocker, 'child.db'))).rejects.toMatchObject({ code: ERROR_CODES.STORE });
  });
});

describe('migration list', () => {
  it('is well formed and fully pending on an empty database', () => {
    expect(pendingMigrations(new Set())).toEqual(MIGRATIONS);
    expect(pendingMigrations(new Set(MIGRATIONS.map((m) => m.version)))).toEqual([]);
    expect(() => pendingMigrations(new Set(), [...MIGRATIONS, ...MIGRATIONS])).toThrow();
  });
});

describe('migration 4', () => {
  it("back-fills each existing verdict's sender domain (after the last '@', lower case)", async () => {
    const file = path.join(dir, 'migration-4', 'belong.db');
    await (await openSqliteStore(path.join(dir, 'migration-4', 'unused.db'))).close(); // creates the directory
    const db = new Database(file);
    migrateSqlite(db, MIGRATIONS.filter((m) => m.version <= 3));
    const insert = db.prepare("INSERT INTO verdicts (id, digest, analysed_at, score, tags, body, sender) VALUES (?, 'd', 1, 60, '[]', '{}', ?)");
    for (const [id, sender] of [['v1', 'a@Evil.Example'], ['v2', '"x@y"@evil.example'], ['v3', null], ['v4', 'no-at-sign'], ['v5', 'b@other.example']] as const) insert.run(id, sender);
    db.close();
    const store = await openSqliteStore(file);
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
});

describe('openStore', () => {
  it('opens SQLite at dbPath by default', async () => {
    const store = await openStore({ dbPath: path.join(dir, 'open-store', 'belong.db') });
    expect(store.backend).toBe('sqlite');
    await store.close();
  });

  it('defaults the file to <data-dir>/belong.db', () => {
    expect(defaultDbPath(path.join('data'))).toBe(path.join('data', 'belong.db'));
  });
});

describe('SqliteStore audit log', () => {
  it('refuses UPDATE and DELETE on the audit log even from raw SQL (trigger)', async () => {
    const file = path.join(dir, 'audit', 'belong.db');
    const store = await openSqliteStore(file);
    await store.appendAudit({ at: 1, actor: 'a', action: 'x', subject: 's', detail: {} });
    await store.close();
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'a' }]);
    } finally {
      db.close();
    }
  });
});
