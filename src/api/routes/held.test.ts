import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../test-harness.js';

const T0 = Date.UTC(2026, 5, 1, 9);

let h: Harness;
let ana: { cookie: string; csrf: string };
let bo: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness();
  await h.addUser('ana', 'analyst');
  await h.addUser('bo', 'analyst');
  ana = await h.login('ana');
  bo = await h.login('bo');
  // Each read of a held entry answers only after a pause, so both requests read the message as
  // held before either decides: the race is decided where it is on a real cluster, in the
  // quarantine's conditional state change.
  const read = h.store.getQuarantine.bind(h.store);
  vi.spyOn(h.store, 'getQuarantine').mockImplementation(async (id) => {
    const entry = await read(id);
    await sleep(20);
    return entry;
  });
});
afterAll(async () => {
  await h.close();
});

const hold = (id: string) => h.quarantine.hold({ id, receivedAt: T0, envelope: { mailFrom: 'x@vendor.example', rcptTo: ['bob@example.org'], clientIp: null, helo: null }, verdictId: null }, Buffer.from(`Subject: ${id}\r\n\r\nbody\r\n`));
const post = (url: string, who: { cookie: string; csrf: string }) => h.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: { reason: 'checked' } });

describe('two analysts deciding on one held message at once', () => {
  it('one release wins; the other is answered 409 (both requests read the message as held before either decides)', async () => {
    for (let i = 0; i < 5; i++) {
      const id = `race${i}`;
      await hold(id);
      const replies = await Promise.all([post(`/api/v1/held/${id}/release`, ana), post(`/api/v1/held/${id}/release`, bo)]);
      expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(replies.find((r) => r.statusCode === 409)?.json()).toEqual({ error: 'conflict', message: 'message is already released' });
      expect(h.delivered.filter((d) => d.entry.id === id)).toHaveLength(1);
    }
  });

  it('a release racing a delete or a release request: exactly one decision stands', async () => {
    await hold('rd');
    const [release, remove] = await Promise.all([post('/api/v1/held/rd/release', ana), post('/api/v1/held/rd/delete', bo)]);
    expect([release.statusCode, remove.statusCode].sort()).toEqual([200, 409]);
    const state = (await h.quarantine.get('rd'))?.state;
    expect(state).toBe(release.statusCode === 200 ? 'released' : 'deleted');
    expect(h.delivered.filter((d) => d.entry.id === 'rd')).toHaveLength(state === 'released' ? 1 : 0);

    await hold('rq');
    const replies = await Promise.all([post('/api/v1/held/rq/delete', ana), post('/api/v1/held/rq/request-release', bo)]);
    // A request that lands first is overtaken by the delete; one that lands after it is refused.
    expect(replies[0]?.statusCode).toBe(200);
    expect([200, 409]).toContain(replies[1]?.statusCode);
    expect((await h.quarantine.get('rq'))?.state).toBe('deleted');
  });
});
