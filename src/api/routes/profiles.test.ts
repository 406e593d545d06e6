import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexKeysFor, partsOf } from '../../core/identity/domain-parts.js';
import { BehaviourKeys } from '../../core/model/behaviour-keys.js';
import { EmailKeys } from '../../core/model/email-keys.js';
import { IdentityKeys } from '../../core/model/identity-keys.js';
import type { Observation, ProfileKey } from '../../core/profile.js';
import type { MessageContent } from '../../store/message-content.js';
import { type Harness, startHarness } from '../test-harness.js';
import { insightVerdicts, verdictAt } from './verdict-fixture.js';

const NOW = Date.UTC(2026, 5, 10, 12);
const DAY = 86_400_000;

let h: Harness;
let viewer: { cookie: string; csrf: string };

const at = (when: number, ...keys: ProfileKey[]): Observation[] => keys.map((key) => ({ key, at: when }));

function withFrom(from: string): MessageContent {
  return { headers: [{ name: 'From', value: from }], text: '', html: null, links: [], attachments: [], auth: {}, truncated: false };
}

beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  for (const v of insightVerdicts(NOW)) await h.store.saveVerdict(v, withFrom(v.verdict.from === 'alice@vendor.example' ? 'Alice Vendor <alice@vendor.example>' : `<${v.verdict.from}>`));
  await h.store.saveVerdict(verdictAt('v7', NOW - 3 * DAY), withFrom('"Alice V." <alice@vendor.example>'));
  await h.store.saveVerdict(verdictAt('v8', NOW - 4 * DAY), withFrom('Alice Vendor <alice@vendor.example>'));
  // What the model learned of alice and vendor.example: three messages to bob and one to cfo over
  // 60 days, one reply from bob; and vendor.example is an established correspondent domain.
  const learned: Observation[] = [];
  for (const days of [60, 30, 5]) learned.push(...at(NOW - days * DAY, EmailKeys.addressIn('alice@vendor.example', 'bob@example.org'), EmailKeys.domainIn('vendor.example', 'bob@example.org'), BehaviourKeys.sent('address', 'alice@vendor.example'), BehaviourKeys.sent('domain', 'vendor.example')));
  learned.push(...at(NOW - 20 * DAY, EmailKeys.addressIn('alice@vendor.example', 'cfo@example.org'), EmailKeys.domainIn('vendor.example', 'cfo@example.org'), BehaviourKeys.sent('address', 'alice@vendor.example'), BehaviourKeys.sent('domain', 'vendor.example')));
  learned.push(...at(NOW - 2 * DAY, EmailKeys.addressOut('alice@vendor.example', 'bob@example.org'), EmailKeys.domainOut('vendor.example', 'bob@example.org')));
  // saltmeadow.com is established (six messages this week); quillfeather.com was seen once, which makes nobody a lookalike of it.
  for (let i = 0; i < 6; i++) learned.push(...at(NOW - i * DAY, ...indexKeysFor(partsOf('saltmeadow.com')).map((k) => IdentityKeys.domainIndex(k, 'saltmeadow.com'))));
  learned.push(...at(NOW - DAY, ...indexKeysFor(partsOf('quillfeather.com')).map((k) => IdentityKeys.domainIndex(k, 'quillfeather.com'))));
  await h.store.learn(learned);
});
afterAll(async () => {
  await h.close();
});

const get = async (url: string) => {
  const response = await h.app.inject({ method: 'GET', url, headers: { cookie: viewer.cookie } });
  expect(response.statusCode).toBe(200);
  return response.json() as Record<string, unknown>;
};

describe('GET /senders/:address', () => {
  it('reads what the model learned, the display names used, the verdict stats and the newest messages', async () => {
    const body = await get('/api/v1/senders/Alice@Vendor.example');
    expect(body).toEqual({
      address: 'alice@vendor.example',
      domain: 'vendor.example',
      known: true,
      firstSeen: NOW - 60 * DAY,
      lastSeen: NOW - 2 * DAY,
      // four messages from alice, one to her
      learnedMessages: 5,
      displayNames: [
        { value: 'Alice Vendor', count: 3 },
        { value: 'Alice V.', count: 1 },
      ],
      recipients: [
        { value: 'bob@example.org', count: 3 },
        { value: 'cfo@example.org', count: 1 },
      ],
      stats: { total: 4, anomalous: 1, actioned: 1, held: 0, maxScore: 55 },
      recent: expect.any(Array) as unknown,
    });
    expect((body.recent as Array<{ id: string }>).map((m) => m.id)).toEqual(['v1', 'v4', 'v7', 'v8']);
  });

  it('answers for a sender nobody has seen', async () => {
    expect(await get('/api/v1/senders/new@nowhere.example')).toEqual({
      address: 'new@nowhere.example',
      domain: 'nowhere.example',
      known: false,
      firstSeen: null,
      lastSeen: null,
      learnedMessages: 0,
      displayNames: [],
      recipients: [],
      stats: { total: 0, anomalous: 0, actioned: 0, held: 0, maxScore: 0 },
      recent: [],
    });
  });
});

describe('GET /domains/:domain', () => {
  it('reads the domain as learned, its senders and verdicts', async () => {
    const body = await get('/api/v1/domains/vendor.example');
    expect(body).toMatchObject({
      domain: 'vendor.example',
      known: true,
      firstSeen: NOW - 60 * DAY,
      lastSeen: NOW - 2 * DAY,
      learnedMessages: 5,
      senders: [{ value: 'alice@vendor.example', count: 4 }],
      internal: false,
      resembles: [],
      stats: { total: 4, anomalous: 1, actioned: 1, held: 0, maxScore: 55 },
    });
    expect((body.recent as unknown[]).length).toBe(4);
  });

  it('names the own and established domains a lookalike imitates', async () => {
    expect((await get('/api/v1/domains/examp1e.org')).resembles).toEqual(['example.org']);
    expect((await get('/api/v1/domains/saltmeadovv.com')).resembles).toEqual(['saltmeadow.com']);
    expect((await get('/api/v1/domains/quillfeathers.com')).resembles).toEqual([]);
    expect(await get('/api/v1/domains/example.org')).toMatchObject({ internal: true, resembles: [], known: false });
    expect((await get('/api/v1/domains/evil.example')).stats).toEqual({ total: 3, anomalous: 3, actioned: 3, held: 2, maxScore: 90 });
  });
});
