import { describe, expect, it } from 'vitest';
import { valuesKeyString, type ValuesQuery } from '../core/profile.js';
import type { Store } from '../store/store.js';
import { ORG_LIST_REUSE_MESSAGES, OrgListCache } from './org-list-cache.js';

/** A store stand-in that counts value-list reads and answers each query with its own read number. */
function countingStore() {
  const reads: string[][] = [];
  const store = {
    async readValues(queries: readonly ValuesQuery[]) {
      reads.push(queries.map((q) => q.feature));
      return new Map(queries.map((q) => [valuesKeyString(q), [{ value: `read${reads.length}`, counter: { count: 1, mass: 1, firstSeen: 0, lastSeen: 0 } }]]));
    },
  } as unknown as Store;
  return { store, reads };
}

const orgWide: ValuesQuery = { entity: 'org', id: '', feature: 'internalIn', limit: 25 };
const perSender: ValuesQuery = { entity: 'address', id: 'a@x.example', feature: 'in', limit: 50 };

describe('OrgListCache', () => {
  it('re-reads per-sender lists every time but org-wide lists once per ORG_LIST_REUSE_MESSAGES', async () => {
    const { store, reads } = countingStore();
    const cache = new OrgListCache();
    const first = await cache.read(store, [orgWide, perSender]);
    const second = await cache.read(store, [orgWide, perSender]);
    expect(reads).toEqual([['internalIn', 'in'], ['in']]);
    expect(second.get(valuesKeyString(orgWide))).toEqual(first.get(valuesKeyString(orgWide)));
    for (let i = 2; i < ORG_LIST_REUSE_MESSAGES; i += 1) await cache.read(store, [orgWide]);
    await cache.read(store, [orgWide]);
    expect(reads.filter((r) => r.includes('internalIn'))).toHaveLength(2);
  });

  it('re-reads when a larger list is asked for than was cached', async () => {
    const { store, reads } = countingStore();
    const cache = new OrgListCache();
    await cache.read(store, [orgWide]);
    await cache.read(store, [{ ...orgWide, limit: 100 }]);
    expect(reads).toEqual([['internalIn'], ['internalIn']]);
  });
});
