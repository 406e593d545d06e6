import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarantineState } from '../../store/store.js';
import { type Harness, startHarness } from '../test-harness.js';
import { insightVerdicts } from './verdict-fixture.js';

const NOW = Date.UTC(2026, 5, 10, 12);

let h: Harness;
let viewer: { cookie: string; csrf: string };

async function quarantined(id: string, state: QuarantineState) {
  await h.store.putQuarantine({ id, verdictId: 'v2', messageId: null, digest: `sha256:${id}`, sender: 'mallory@evil.example', recipients: ['ceo@example.org'], receivedAt: NOW, state, expiresAt: NOW + 86_400_000, updatedAt: NOW, envelope: { mailFrom: null, rcptTo: ['ceo@example.org'] } });
}

beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  for (const v of insightVerdicts(NOW)) await h.store.saveVerdict(v);
  await quarantined('q1', 'held');
  await quarantined('q2', 'release_requested');
  await quarantined('q3', 'released');
  await quarantined('q4', 'expired');
});
afterAll(async () => {
  await h.close();
});

describe('GET /overview', () => {
  it('sums the last N days, lists what awaits a decision, and names the most targeted people, senders and outside domains', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/overview?days=7', headers: { cookie: viewer.cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Record<string, unknown> & { series: Array<{ day: string; total: number }>; topTargeted: Array<{ address: string }>; topSenders: Array<Record<string, unknown>>; topDomains: Array<{ value: string }> };
    expect(body).toMatchObject({
      from: Date.UTC(2026, 5, 4),
      to: NOW,
      total: 5,
      byAction: { deliver: 2, banner: 1, junk: 1, hold: 1 },
      byTag: { Impersonation: 2, 'Payment Request': 1, 'First Contact': 1 },
      heldAwaiting: 2,
    });
    expect(body.series).toHaveLength(7);
    expect(body.series.map((d) => d.total)).toEqual([0, 0, 0, 0, 2, 1, 2]);
    expect(body.topTargeted.map((p) => p.address)).toEqual(['ceo@example.org', 'cfo@example.org', 'bob@example.org']);
    expect(body.topSenders[0]).toEqual({ value: 'mallory@evil.example', total: 2, anomalous: 2, actioned: 2, held: 1, maxScore: 88, lastAt: NOW - 2 * 3_600_000 });
    expect(body.topSenders.map((s) => s.value)).toEqual(['mallory@evil.example', 'alice@vendor.example', 'bob@example.org']);
    // example.org is the organisation itself, not a domain to watch.
    expect(body.topDomains.map((d) => d.value)).toEqual(['evil.example', 'vendor.example']);
  });

  it('defaults to 30 days and refuses more than 366', async () => {
    const month = (await h.app.inject({ method: 'GET', url: '/api/v1/overview', headers: { cookie: viewer.cookie } })).json() as { total: number; series: unknown[] };
    expect(month.total).toBe(6);
    expect(month.series).toHaveLength(30);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/overview?days=367', headers: { cookie: viewer.cookie } })).statusCode).toBe(400);
  });
});
