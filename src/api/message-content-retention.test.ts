import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpiredContent } from '../retention/content-retention.js';
import type { MessageContent } from '../store/message-content.js';
import { verdictAt } from './routes/verdict-fixture.js';
import { type Harness, startHarness } from './test-harness.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1, 12);
const content: MessageContent = { headers: [{ name: 'subject', value: 'Invoice' }], text: 'please pay', html: null, links: [], attachments: [], auth: {}, truncated: false };

let h: Harness;
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  admin = await h.login('admin');
  await h.store.saveVerdict(verdictAt('forty-days', NOW - 40 * DAY), content);
  await h.store.saveVerdict(verdictAt('ten-days', NOW - 10 * DAY), content);
  // Saved without content (as a replay is) and recent: its content was never kept.
  await h.store.saveVerdict(verdictAt('replayed', NOW - DAY));
});
afterAll(async () => {
  await h.close();
});

type Detail = { content: unknown; contentRemovedAfterDays: number | null; verdict: { id: string; score: number } };
const detail = async (id: string): Promise<Detail> => (await h.app.inject({ method: 'GET', url: `/api/v1/messages/${id}`, headers: { cookie: admin.cookie } })).json();

describe('GET /messages/:id after message content retention', () => {
  it('keeps the verdict and says the content was removed after the retention', async () => {
    await pruneExpiredContent({ store: h.store, retentionDays: 30, now: NOW });
    const old = await detail('forty-days');
    expect(old).toMatchObject({ content: null, contentRemovedAfterDays: 30, verdict: { id: 'forty-days', score: 10 } });
    expect(await detail('ten-days')).toMatchObject({ content: { text: 'please pay' }, contentRemovedAfterDays: null });
    expect(await detail('replayed')).toMatchObject({ content: null, contentRemovedAfterDays: null });
    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/messages', headers: { cookie: admin.cookie } })).json() as { items: Array<{ id: string }> };
    expect(list.items.map((m) => m.id)).toEqual(['replayed', 'ten-days', 'forty-days']);
  });

  it('names the retention set in the dashboard', async () => {
    const put = await h.app.inject({ method: 'PUT', url: '/api/v1/settings', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { messageRetentionDays: 7 } });
    expect(put.statusCode).toBe(200);
    await pruneExpiredContent({ store: h.store, retentionDays: 7, now: NOW });
    expect(await detail('ten-days')).toMatchObject({ content: null, contentRemovedAfterDays: 7 });
    expect(await detail('forty-days')).toMatchObject({ content: null, contentRemovedAfterDays: 7 });
  });
});
