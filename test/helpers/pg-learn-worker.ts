/**
 * One "gateway node" for the concurrency test: opens the PostgreSQL store at argv[2] (running
 * migrations, possibly at the same moment as another node), says "ready", waits for "go" on
 * stdin so both nodes learn at the same time, then learns the observation batches in the JSON
 * file argv[3] one call per batch (one call per message, as the engine does) and says "done".
 * Run with `node --import tsx`.
 */
import { readFileSync } from 'node:fs';
import type { Observation } from '../../src/core/profile.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';

const [url, batchesFile] = process.argv.slice(2);
if (!url || !batchesFile) throw new Error('usage: pg-learn-worker <database-url> <batches.json>');

const batches = JSON.parse(readFileSync(batchesFile, 'utf8')) as Observation[][];
const store = await openPostgresStore(url, { maxConnections: 4 });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
// A few learn calls in flight at once, like a node with several SMTP sessions.
const inFlight = 4;
let next = 0;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (batch) await store.learn(batch);
    }
  }),
);
await store.close();
process.stdout.write('done\n');
process.stdin.destroy();
