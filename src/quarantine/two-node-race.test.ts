import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { QuarantineEntry, Store } from '../store/store.js';
import { type Deliver, QuarantineConflict } from './quarantine.js';
import { type Node, sharedDatabaseNodes } from './shared-database-nodes.js';

/**
 * Issue 8: two nodes (each its own store connection and data directory, one PostgreSQL
 * database, one quarantine key) deciding on the same held messages at the same moment. Each
 * message must be decided once: one delivery, one audit line, the loser told it lost.
 */
const T0 = Date.UTC(2026, 3, 1);
const MESSAGES = 20;
const envelope = { mailFrom: 'mallory@evil.example', rcptTo: ['bob@example.org'], clientIp: null, helo: null };
const raw = (i: number) => Buffer.from(`From: mallory@evil.example\r\nTo: bob@example.org\r\nSubject: ${i}\r\n\r\nbody ${i}\r\n`);

const nodes = sharedDatabaseNodes();
afterAll(() => nodes.close());

async function twoNodes(): Promise<readonly [Node, Node]> {
  const schema = await nodes.schema();
  const key = randomBytes(32).toString('base64');
  return [await nodes.node(schema.url, key), await nodes.node(schema.url, key)] as const;
}

/** A delivery path that records what it was handed, and yields first so racing calls overlap. */
function recorder(): { deliver: Deliver; delivered: Array<{ id: string; raw: Buffer }> } {
  const delivered: Array<{ id: string; raw: Buffer }> = [];
  return {
    delivered,
    deliver: async (entry: QuarantineEntry, bytes: Buffer) => {
      await new Promise((resolve) => setImmediate(resolve));
      delivered.push({ id: entry.id, raw: bytes });
    },
  };
}

async function holdAll(node: Node, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: MESSAGES }, (_, i) => `${prefix}-${i}`);
  for (const [i, id] of ids.entries()) await node.quarantine.hold({ id, receivedAt: T0 + i, envelope, verdictId: null }, raw(i));
  return ids;
}

const decisionsOf = async (store: Store, id: string) => (await store.listAudit({ limit: 20, subject: id })).map((e) => e.action).filter((a) => a !== 'quarantine.hold');

describe('two nodes deciding on the same held message at once (PostgreSQL)', () => {
  it('release on both: exactly one delivery and one release line per message; the other node is refused', async () => {
    const [a, b] = await twoNodes();
    const ids = await holdAll(a, 'rr');
    const { deliver, delivered } = recorder();
    const outcomes = await Promise.allSettled(
      ids.flatMap((id) => [
        a.quarantine.release(id, { actor: 'ana', reason: 'node a', deliver, engine: null }),
        b.quarantine.release(id, { actor: 'bo', reason: 'node b', deliver, engine: null }),
      ]),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(MESSAGES);
    for (const o of outcomes) {
      if (o.status === 'rejected') {
        expect(o.reason).toBeInstanceOf(QuarantineConflict);
        expect(String(o.reason)).toMatch(/message is already released/);
      }
    }
    for (const [i, id] of ids.entries()) {
      const copies = delivered.filter((d) => d.id === id);
      expect(copies, id).toHaveLength(1);
      expect(copies[0]?.raw.equals(raw(i))).toBe(true);
      expect(await decisionsOf(b.store, id), id).toEqual(['quarantine.release']);
      expect((await b.store.getQuarantine(id))?.state).toBe('released');
      expect(await a.store.getQuarantineBlob(id)).toBeNull();
    }
  });

  it('release on one node, delete on the other: exactly one wins, and what the store says matches what happened', async () => {
    const [a, b] = await twoNodes();
    const ids = await holdAll(a, 'rd');
    const { deliver, delivered } = recorder();
    const outcomes = await Promise.allSettled(
      ids.flatMap((id, i) => {
        const release = a.quarantine.release(id, { actor: 'ana', reason: 'fine', deliver, engine: null });
        const remove = b.quarantine.delete(id, 'bo', 'phish');
        return i % 2 === 0 ? [release, remove] : [remove, release];
      }),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(MESSAGES);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(QuarantineConflict);
    for (const id of ids) {
      const state = (await a.store.getQuarantine(id))?.state;
      expect(['released', 'deleted']).toContain(state);
      expect(delivered.filter((d) => d.id === id), id).toHaveLength(state === 'released' ? 1 : 0);
      expect(await decisionsOf(a.store, id), id).toEqual([state === 'released' ? 'quarantine.release' : 'quarantine.delete']);
      expect(await b.store.getQuarantineBlob(id)).toBeNull();
    }
  });
});
