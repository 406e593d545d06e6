import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Quarantine } from '../quarantine/quarantine.js';
import type { MessageContent } from '../store/message-content.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleStoredVerdict } from '../store/store.conformance.js';
import type { Store } from '../store/store.js';
import { RETENTION_SWEEP_EVERY_MS, startRetentionSweep } from './retention-sweep.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const content: MessageContent = { headers: [], text: 'the body', html: null, links: [], attachments: [], auth: {}, truncated: false };

let dir: string;
let store: Store;
let lines: Array<{ level: number; msg: string; removed?: number; expired?: string[]; retentionDays?: number }>;
const logger = () => pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belong-retention-sweep-'));
  store = await openSqliteStore(path.join(dir, 'belong.db'));
  lines = [];
});
afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startRetentionSweep', () => {
  it('at start expires held mail past its retention and removes old message content, logging how many', async () => {
    await store.saveVerdict(sampleStoredVerdict('old', NOW - 8 * DAY), content);
    await store.saveVerdict(sampleStoredVerdict('recent', NOW - 6 * DAY), content);
    const quarantine = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key: randomBytes(32), retentionDays: 1, now: () => NOW });
    await quarantine.hold({ id: 'held-long-ago', receivedAt: NOW - 2 * DAY, envelope: { mailFrom: null, rcptTo: ['ann@example.org'], clientIp: null, helo: null }, verdictId: null }, Buffer.from('Subject: x\r\n\r\nx\r\n'));

    const sweep = startRetentionSweep({ store, quarantine, messageRetentionDays: async () => 7, logger: logger(), now: () => NOW });
    await sweep.stop();

    expect((await store.getQuarantine('held-long-ago'))?.state).toBe('expired');
    expect(await store.getMessageContent('old')).toBeNull();
    expect(await store.getMessageContent('recent')).toEqual(content);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'quarantine retention: expired held mail', expired: ['held-long-ago'] }),
      expect.objectContaining({ msg: expect.stringMatching(/^message retention: removed the content/u), removed: 1, retentionDays: 7 }),
    ]);
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'retention.prune_content', detail: { removed: 1 } });
  });

  it('asks for the retention at every sweep, so a changed setting applies to the next one', async () => {
    await store.saveVerdict(sampleStoredVerdict('five-days', NOW - 5 * DAY), content);
    let days = 30;
    const sweep = startRetentionSweep({ store, quarantine: null, messageRetentionDays: async () => days, logger: logger(), now: () => NOW });
    await sweep.sweep();
    expect(await store.getMessageContent('five-days')).toEqual(content);
    days = 3;
    await sweep.sweep();
    expect(await store.getMessageContent('five-days')).toBeNull();
    await sweep.stop();
  });

  it('sweeps again every hour until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = NOW;
    const sweep = startRetentionSweep({ store, quarantine: null, messageRetentionDays: async () => 1, logger: logger(), now: () => clock });
    await sweep.sweep(); // queued after the start sweep: both are done now
    await store.saveVerdict(sampleStoredVerdict('analysed-now', NOW), content);
    clock = NOW + 2 * DAY;
    await vi.advanceTimersByTimeAsync(RETENTION_SWEEP_EVERY_MS - 1);
    expect(await store.getMessageContent('analysed-now')).toEqual(content);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect(await store.getMessageContent('analysed-now')).toBeNull());

    await sweep.stop();
    await store.saveVerdict(sampleStoredVerdict('after-stop', NOW), content);
    await vi.advanceTimersByTimeAsync(2 * RETENTION_SWEEP_EVERY_MS);
    await sweep.sweep();
    expect(await store.getMessageContent('after-stop')).toEqual(content);
  });

  it('logs a failing part and still runs the other', async () => {
    await store.saveVerdict(sampleStoredVerdict('old', NOW - 40 * DAY), content);
    const broken = { expire: async (): Promise<string[]> => Promise.reject(new Error('disk on fire')) };
    const sweep = startRetentionSweep({ store, quarantine: broken, messageRetentionDays: async () => 30, logger: logger(), now: () => NOW });
    await sweep.stop();
    expect(await store.getMessageContent('old')).toBeNull();
    expect(lines[0]).toMatchObject({ level: 50, msg: 'quarantine expiry failed' });

    lines = [];
    const unreadable = startRetentionSweep({ store, quarantine: null, messageRetentionDays: async () => Promise.reject(new Error('stored settings are invalid')), logger: logger(), now: () => NOW });
    await expect(unreadable.sweep()).resolves.toBeUndefined();
    await unreadable.stop();
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'message content retention failed' }), expect.objectContaining({ level: 50, msg: 'message content retention failed' })]);
  });
});
