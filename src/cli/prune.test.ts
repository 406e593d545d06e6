import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loadPolicy } from '../config/policy-file.js';
import { saveSettingsOverrides } from '../config/settings-overrides.js';
import type { MessageContent } from '../store/message-content.js';
import { openStore } from '../store/open-store.js';
import { sampleStoredVerdict } from '../store/store.conformance.js';
import type { Store } from '../store/store.js';
import { pruneOnce } from './prune.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1, 12);
const content: MessageContent = { headers: [], text: 'the body', html: null, links: [], attachments: [], auth: {}, truncated: false };

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function seeded(ages: Record<string, number>, at = NOW): Promise<{ dir: string; store: Store }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-prune-'));
  dirs.push(dir);
  const store = await openStore({ dbPath: path.join(dir, 'belong.db'), databaseUrl: null });
  for (const [id, days] of Object.entries(ages)) await store.saveVerdict(sampleStoredVerdict(id, at - days * DAY), content);
  return { dir, store };
}

describe('belong prune', () => {
  it('removes content past the configured retention and says how much', async () => {
    const { dir, store } = await seeded({ a: 20, b: 9, c: 2 });
    const config = loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '7' }, flags: { dataDir: dir } });
    try {
      expect(await pruneOnce({ config, policy: loadPolicy(), store }, NOW)).toBe(
        `removed the content of 2 messages analysed before ${new Date(NOW - 7 * DAY).toISOString()} (messageRetentionDays 7); their verdicts stay`,
      );
      expect(await store.getMessageContent('c')).toEqual(content);
      expect(await store.getVerdict('a')).not.toBeNull();
      expect(await pruneOnce({ config, policy: loadPolicy(), store }, NOW)).toMatch(/^removed the content of 0 messages /u);
    } finally {
      await store.close();
    }
  });

  it('goes by the retention set in the dashboard over the configuration', async () => {
    const { dir, store } = await seeded({ a: 20, b: 9 });
    await saveSettingsOverrides(store, { messageRetentionDays: 15 });
    const config = loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '7' }, flags: { dataDir: dir } });
    try {
      expect(await pruneOnce({ config, policy: loadPolicy(), store }, NOW)).toMatch(/^removed the content of 1 message analysed before .* \(messageRetentionDays 15\)/u);
      expect(await store.getMessageContent('b')).toEqual(content);
    } finally {
      await store.close();
    }
  });

  it('runs from the command line', async () => {
    const { dir, store } = await seeded({ old: 40, recent: 1 }, Date.now());
    await store.close();
    // No BELONG_* setting of the surroundings leaks in: the default retention applies.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BELONG_')));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'prune', '--data-dir', dir], { encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^removed the content of 1 message analysed before \S+ \(messageRetentionDays 30\); their verdicts stay\n$/u);
    const after = await openStore({ dbPath: path.join(dir, 'belong.db'), databaseUrl: null });
    try {
      expect(await after.getMessageContent('old')).toBeNull();
      expect(await after.getMessageContent('recent')).toEqual(content);
      expect((await after.listAudit({ limit: 1 }))[0]).toMatchObject({ actor: 'belong', action: 'retention.prune_content', detail: { removed: 1 } });
    } finally {
      await after.close();
    }
  });
});
