import path from 'node:path';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** SQLite file; used unless `databaseUrl` is set. */
  readonly dbPath: string;
  /** `postgres://...`: selects the shared PostgreSQL backend (several gateway nodes, one model). */
  readonly databaseUrl?: string | null;
}

/** DESIGN: `--db` defaults to `<data-dir>/belong.db`. Kept here so CLI and tests agree on it. */
export function defaultDbPath(dataDir: string): string {
  return path.join(dataDir, 'belong.db');
}

/** The one place a backend is chosen; callers only ever see `Store`. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl);
  return openSqliteStore(options.dbPath);
}
