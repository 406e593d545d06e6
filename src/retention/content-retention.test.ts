import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { sampleStoredVerdict } from '../store/store.conformance.js';
import type { MessageContent } from '../store/message-content.js';
import type { Store } from '../store/store.js';
import { PRUNE_CONTENT_ACTION, pruneExpiredContent } from './content-retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);
const content: MessageContent = { headers: [{ name: 'Subject', value: 'hi' }], text: 'the body', html: '<p>the body</p>', links: [], attachments: [], auth: {}, truncated: false };

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belong-content-retention-'));
  store = await openSqliteStore(path.join(dir, 'belong.db'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pruneExpiredContent', () => {
  it('removes the content of messages analysed more than the retention ago, keeps their verdicts, and audits the prune', async () => {
    await store.saveVerdict(sampleStoredVerdict('old', NOW - 31 * DAY), content);
    await store.saveVerdict(sampleStoredVerdict('recent', NOW - 29 * DAY), content);
    const pruned = await pruneExpiredContent({ store, retentionDays: 30, now: NOW });
    expect(pruned).toEqual({ before: NOW - 30 * DAY, removed: 1 });
    expect(await store.getMessageContent('old')).toBeNull();
    expect(await store.getVerdict('old')).toEqual(sampleStoredVerdict('old', NOW - 31 * DAY));
    expect(await store.getMessageContent('recent')).toEqual(content);
    expect(await store.listAudit({ limit: 10 })).toEqual([
      expect.objectContaining({ at: NOW, actor: 'belong', action: PRUNE_CONTENT_ACTION, subject: 'message_content', detail: { before: NOW - 30 * DAY, removed: 1 } }),
    ]);
  });

  it('writes no audit line when nothing was removed, and a shorter retention reaches further', async () => {
    await store.saveVerdict(sampleStoredVerdict('recent', NOW - 2 * DAY), content);
    expect(await pruneExpiredContent({ store, retentionDays: 30, now: NOW })).toEqual({ before: NOW - 30 * DAY, removed: 0 });
    expect(await store.listAudit({ limit: 10 })).toEqual([]);
    expect((await pruneExpiredContent({ store, retentionDays: 1, now: NOW })).removed).toBe(1);
    expect(await store.getMessageContent('recent')).toBeNull();
  });
});
