import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the store tests and the benchmark find PostgreSQL unless told otherwise. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(): string {
  return process.env.BELONG_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** `url` with its search_path set to `schema`, so every pooled connection works inside it. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  // Appended, so settings already in the URL (e.g. -c synchronous_commit=off) still apply.
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.set('options', `${existing ? `${existing} ` : ''}-c search_path=${schema}`);
  return parsed.toString();
}

export interface ScratchSchema {
  readonly name: string;
  /** The database URL pointed at this schema. */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A uniquely named, empty schema for one test or benchmark run, so runs never see each other's
 * rows and can go in parallel against one database. Fails loudly when PostgreSQL is not
 * reachable: a silently skipped backend would make "green on both backends" meaningless.
 */
export async function createScratchSchema(baseUrl: string = testDatabaseUrl(), prefix = 'belong_test'): Promise<ScratchSchema> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(baseUrl, `CREATE SCHEMA ${name}`);
  return {
    name,
    url: urlWithSchema(baseUrl, name),
    drop: () => admin(baseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}

export interface ScratchDatabase {
  readonly name: string;
  /** `baseUrl` pointed at this database (same server, user and options). */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A uniquely named, empty database, for a test that needs what a shared database cannot give:
 * one where no database-wide object (an extension such as pg_trgm) exists yet. Needs a role
 * allowed to create databases (the test server's superuser). Dropped WITH (FORCE), so a
 * connection a failed test left open does not keep it alive.
 */
export async function createScratchDatabase(baseUrl: string = testDatabaseUrl(), prefix = 'belong_test_db'): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${reason}). The store tests need it: start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (as .ci/run does) ' +
        'or point BELONG_TEST_DATABASE_URL at a server with trust auth.',
      { cause },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
