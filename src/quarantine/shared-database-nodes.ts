import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { type ScratchSchema, createScratchSchema } from '../store/postgres/scratch-schema.js';
import type { Store } from '../store/store.js';
import { openQuarantine } from './open-quarantine.js';
import type { Quarantine } from './quarantine.js';

export interface Node {
  readonly dataDir: string;
  readonly store: Store;
  readonly quarantine: Quarantine;
}

/**
 * Test-only: belong nodes that share one PostgreSQL database (a scratch schema) and nothing
 * else: each has its own store connection and data directory. `close()` closes every store,
 * drops every schema and removes every data directory this made.
 */
export function sharedDatabaseNodes(): { schema(): Promise<ScratchSchema>; node(url: string, key: string): Promise<Node>; close(): Promise<void> } {
  const schemas: ScratchSchema[] = [];
  const stores: Store[] = [];
  const dirs: string[] = [];
  return {
    async schema() {
      const schema = await createScratchSchema();
      schemas.push(schema);
      return schema;
    },
    async node(url, key) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'belong-node-'));
      dirs.push(dataDir);
      const store = await openPostgresStore(url);
      stores.push(store);
      return { dataDir, store, quarantine: await openQuarantine({ dataDir, quarantineKey: key, quarantineRetentionDays: 30 }, store) };
    },
    async close() {
      try {
        await Promise.all(stores.map((s) => s.close()));
        await Promise.all(schemas.map((s) => s.drop()));
      } finally {
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
