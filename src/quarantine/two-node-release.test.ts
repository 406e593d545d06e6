import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { QuarantineEntry } from '../store/store.js';
import { sharedDatabaseNodes } from './shared-database-nodes.js';

/**
 * Issue 8: "a held message can be released from either node's dashboard". Two nodes, each
 * with its own store connection and its own data directory, share one PostgreSQL database
 * and one quarantine key (BELONG_QUARANTINE_KEY); nothing else.
 */
const T0 = Date.UTC(2026, 3, 1);
// Every byte value plus CRLFs and 8-bit text: the release must hand back exactly these bytes.
const RAW = Buffer.concat([
  Buffer.from('From: mallory@evil.example\r\nTo: bob@example.org\r\nSubject: =?utf-8?q?R=C3=A9sum=C3=A9?=\r\n\r\nbody ünï\r\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);
const envelope = { mailFrom: 'mallory@evil.example', rcptTo: ['bob@example.org'], clientIp: '192.0.2.7', helo: 'mx.evil.example' };

const nodes = sharedDatabaseNodes();
afterAll(() => nodes.close());
const node = (url: string, key: string) => nodes.node(url, key);

describe('two nodes sharing PostgreSQL', () => {
  it('releases on node B a message node A held: the original bytes, the state and the audit log agree on both', async () => {
    const schema = await nodes.schema();
    const key = randomBytes(32).toString('base64');
    const a = await node(schema.url, key);
    const b = await node(schema.url, key);

    const held = await a.quarantine.hold({ id: 'lq7k2x-9f3a', receivedAt: T0, envelope, verdictId: null }, RAW);
    expect((await b.quarantine.get(held.id))?.state).toBe('held');
    expect((await b.quarantine.list({ limit: 10, state: 'held' })).map((e) => e.id)).toEqual([held.id]);

    // A node configured with another key can see the entry but not open it, and changes nothing.
    const stranger = await node(schema.url, randomBytes(32).toString('base64'));
    const strangerDelivered: Buffer[] = [];
    await expect(stranger.quarantine.release(held.id, { actor: 'eve', reason: 'x', deliver: async (_e, raw) => void strangerDelivered.push(raw), engine: null })).rejects.toThrow(/wrong key/);
    expect(strangerDelivered).toEqual([]);
    expect((await a.quarantine.get(held.id))?.state).toBe('held');

    const delivered: Array<{ entry: QuarantineEntry; raw: Buffer }> = [];
    const released = await b.quarantine.release(held.id, { actor: 'ana', reason: 'expected invoice', deliver: async (entry, raw) => void delivered.push({ entry, raw }), engine: null });

    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.raw.equals(RAW)).toBe(true);
    expect(delivered[0]?.entry.envelope).toEqual({ mailFrom: envelope.mailFrom, rcptTo: envelope.rcptTo });
    expect(released.state).toBe('released');
    expect((await a.quarantine.get(held.id))?.state).toBe('released');
    expect((await b.quarantine.get(held.id))?.state).toBe('released');
    expect(await a.quarantine.wasReleased(held.digest)).toBe(true);

    const audit = await a.store.listAudit({ limit: 10, subject: held.id });
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['quarantine.release', 'ana'],
      ['quarantine.hold', 'belong'],
    ]);
    expect(audit[0]?.detail).toMatchObject({ reason: 'expected invoice', digest: held.digest });

    // Released: the sealed bytes are gone from the shared store, and neither node kept a copy on disk.
    expect(await a.store.getQuarantineBlob(held.id)).toBeNull();
    for (const { dataDir } of [a, b]) expect(readdirSync(dataDir)).toEqual([]);
    await expect(a.quarantine.release(held.id, { actor: 'ana', reason: 'again', deliver: async () => undefined, engine: null })).rejects.toThrow(/already released/);
  });
});
