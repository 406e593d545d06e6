/**
 * The contract every Store backend passes. Run it from a backend's test file:
 *   describeStoreConformance('sqlite', () => openFresh(), { reopen: () => openSameAgain() })
 * `open` must return a store on a fresh, empty database; `reopen`, when given, must open a
 * second store on the database the latest `open` returned (to prove migrations are idempotent
 * across processes, not just calls).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANY_VALUE, MAX_VALUES_PER_QUERY, type Counter, type Observation, type ProfileKey, key, keyString, massAt, mergeCounters, valuesKeyString } from '../core/profile.js';
import type { Verdict } from '../core/verdict.js';
import type { UserRecord } from './accounts.js';
import type { DashboardRecord } from './dashboards.js';
import { CONTENT_PRUNE_BATCH, type MessageContent } from './message-content.js';
import type { QuarantineEntry, Store, StoredVerdict } from './store.js';
import { mulberry32 } from '../simulate/rng.js';

export interface ConformanceOptions {
  readonly reopen?: () => Promise<Store>;
}

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

/** Backends sum mass in their own order, so floating-point results may differ in the last bits. */
function expectMassClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? 0) - expected) / Math.abs(expected)).toBeLessThan(1e-12);
}

function expectCounter(actual: Counter | undefined, expected: Counter): void {
  expect(actual, 'counter present').toBeDefined();
  expect({ ...actual, mass: 0 }).toEqual({ ...expected, mass: 0 });
  expectMassClose(actual?.mass, expected.mass);
}

/** Reference semantics: the fold every backend must agree with. */
function referenceFold(observations: readonly Observation[]): Map<string, Counter> {
  const out = new Map<string, Counter>();
  for (const { key: k, at } of observations) {
    out.set(keyString(k), mergeCounters(out.get(keyString(k)), { count: 1, mass: massAt(at), firstSeen: at, lastSeen: at }));
  }
  return out;
}


function stream(n: number, seed: number): Observation[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => ({
    key: key(['sender', 'recipient', 'org'][Math.floor(r() * 3)] ?? 'org', `id${Math.floor(r() * 20)}`, `f${Math.floor(r() * 3)}`, `v${Math.floor(r() * 15)}`),
    at: T0 + Math.floor(r() * 400 * 24 * HOUR),
  }));
}

/** A full stored verdict for tests; `extra` overrides verdict fields. */
export function sampleStoredVerdict(id: string, analysedAt: number, extra: Partial<Verdict> = {}): StoredVerdict {
  return {
    origin: `spool/${id}`,
    verdict: {
      id,
      digest: `sha256:${id}`,
      messageId: `<${id}@example.com>`,
      analysedAt,
      direction: 'inbound',
      from: 'alice@vendor.example',
      recipients: ['bob@example.com'],
      subject: `Invoice ${id} — ünïcödé "quoted"`,
      score: 42.5,
      tags: ['First Contact'],
      signals: [{ id: 'FIRST_CONTACT', strength: 0.8, evidence: { days: 0, seen: null, pair: ['a', 'b'] }, summary: 'never written before' }],
      threat: { asks: ['link'], evidence: { link: '1 link' } },
      actions: { delivery: 'banner', links: 'lock', attachments: 'none', notTaken: [{ area: 'delivery', action: 'hold', reason: 'no payment request' }] },
      reason: 'first contact',
      defects: [],
      narrative: { headline: 'Flagged: a first-time sender', sentences: [[{ text: 'First contact from ' }, { text: 'alice@vendor.example', ref: { kind: 'sender', id: 'alice@vendor.example' } }, { text: '.' }]], text: 'First contact from alice@vendor.example.' },
      ...extra,
    },
  };
}

const verdict = sampleStoredVerdict;

function held(id: string, receivedAt: number, extra: Partial<QuarantineEntry> = {}): QuarantineEntry {
  return {
    id,
    verdictId: `v-${id}`,
    messageId: `<${id}@vendor.example>`,
    digest: `sha256:${id}`,
    sender: 'alice@vendor.example',
    recipients: ['bob@example.com', 'carol@example.com'],
    receivedAt,
    state: 'held',
    expiresAt: receivedAt + 30 * 24 * HOUR,
    updatedAt: receivedAt,
    envelope: { mailFrom: 'alice@vendor.example', rcptTo: ['bob@example.com', 'carol@example.com'] },
    ...extra,
  };
}

export function describeStoreConformance(name: string, open: () => Promise<Store>, options: ConformanceOptions = {}): void {
  describe(`Store conformance: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async (): Promise<Store> => {
      const s = await open();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    const k = key('sender', 'alice@vendor.example', 'rcpt', 'bob@example.com');
    const read1 = async (s: Store, pk: ProfileKey) => (await s.readProfiles([pk])).get(keyString(pk));

    describe('migrations', () => {
      it('are idempotent on an open store and keep data', async () => {
        const s = await fresh();
        await s.learn([{ key: k, at: T0 }]);
        await s.migrate();
        await s.migrate();
        expect((await read1(s, k))?.count).toBe(1);
      });

      const { reopen } = options;
      it.runIf(reopen !== undefined)('are idempotent when the same database is opened again', async () => {
        if (!reopen) return;
        const s = await fresh();
        await s.learn([{ key: k, at: T0 }]);
        await s.setMeta('m', 'v');
        await s.close();
        const again = await reopen();
        opened.push(again);
        await again.migrate();
        expect((await read1(again, k))?.count).toBe(1);
        expect(await again.getMeta('m')).toBe('v');
      });
    });

    describe('profiles', () => {
      it('counts exact keys', async () => {
        const s = await fresh();
        await s.learn([{ key: k, at: T0 }, { key: k, at: T0 + HOUR }]);
        await s.learn([{ key: k, at: T0 + 2 * HOUR }]);
        expectCounter(await read1(s, k), { count: 3, mass: massAt(T0) + massAt(T0 + HOUR) + massAt(T0 + 2 * HOUR), firstSeen: T0, lastSeen: T0 + 2 * HOUR });
      });

      it('keeps first/last seen as min/max whatever the arrival order', async () => {
        const s = await fresh();
        for (const at of [T0 + 5 * HOUR, T0 + 9 * HOUR, T0, T0 + 3 * HOUR]) await s.learn([{ key: k, at }]);
        const c = await read1(s, k);
        expect(c?.firstSeen).toBe(T0);
        expect(c?.lastSeen).toBe(T0 + 9 * HOUR);
      });

      it('sums mass as massAt of each observation', async () => {
        const s = await fresh();
        const times = [T0 - 400 * 24 * HOUR, T0, T0 + 7 * 24 * HOUR, Date.UTC(2001, 5, 1)];
        await s.learn(times.map((at) => ({ key: k, at })));
        expectMassClose((await read1(s, k))?.mass, times.reduce((sum, at) => sum + massAt(at), 0));
      });

      it('summarises ANY_VALUE over the values of one (entity, id, feature) only', async () => {
        const s = await fresh();
        const v = (value: string) => key('sender', 'a@x', 'rcpt', value);
        await s.learn([
          { key: v('b@y'), at: T0 + HOUR },
          { key: v('b@y'), at: T0 + 2 * HOUR },
          { key: v('c@y'), at: T0 },
          { key: v('d@y'), at: T0 + 10 * HOUR },
          { key: key('sender', 'a@x', 'other', 'z'), at: T0 - HOUR },
          { key: key('sender', 'a@xx', 'rcpt', 'z'), at: T0 - HOUR },
          { key: key('recipient', 'a@x', 'rcpt', 'z'), at: T0 - HOUR },
        ]);
        const any = v(ANY_VALUE);
        const got = (await s.readProfiles([any, v('b@y')])).get(keyString(any));
        expectCounter(got, {
          count: 4,
          mass: massAt(T0 + HOUR) + massAt(T0 + 2 * HOUR) + massAt(T0) + massAt(T0 + 10 * HOUR),
          firstSeen: T0,
          lastSeen: T0 + 10 * HOUR,
          distinct: 3,
        });
      });

      it('leaves absent keys out of the result, exact and ANY_VALUE alike', async () => {
        const s = await fresh();
        await s.learn([{ key: k, at: T0 }]);
        const missing = [key('sender', 'nobody', 'rcpt', 'x'), key('sender', 'nobody', 'rcpt', ANY_VALUE), { ...k, value: 'other' }];
        const got = await s.readProfiles([...missing, k]);
        expect([...got.keys()]).toEqual([keyString(k)]);
        expect(got.get(keyString(k))?.distinct).toBeUndefined();
        expect((await s.readProfiles([])).size).toBe(0);
      });

      it('merges duplicate keys within one learn call and tolerates duplicate read keys', async () => {
        const s = await fresh();
        await s.learn([{ key: k, at: T0 + HOUR }, { key: { ...k }, at: T0 }, { key: k, at: T0 + HOUR }]);
        const got = await s.readProfiles([k, { ...k }]);
        expect(got.size).toBe(1);
        expectCounter(got.get(keyString(k)), { count: 3, mass: 2 * massAt(T0 + HOUR) + massAt(T0), firstSeen: T0, lastSeen: T0 + HOUR });
      });

      it('accepts an empty learn call', async () => {
        const s = await fresh();
        await s.learn([]);
        expect((await s.readProfiles([k])).size).toBe(0);
      });

      it('is commutative: halves in either order equal the whole and the reference fold', async () => {
        const all = stream(3_000, 7);
        const a = all.slice(0, 1_700);
        const b = all.slice(1_700);
        const whole = await fresh();
        const ab = await fresh();
        const ba = await fresh();
        await whole.learn(all);
        await ab.learn(a);
        await ab.learn(b);
        await ba.learn(b);
        await ba.learn(a);
        const reference = referenceFold(all);
        const keys = [...new Map(all.map((o) => [keyString(o.key), o.key])).values()];
        for (const s of [whole, ab, ba]) {
          const got = await s.readProfiles(keys);
          expect(got.size).toBe(reference.size);
          for (const [ks, expected] of reference) expectCounter(got.get(ks), expected);
        }
      });

      it('keeps keys with unusual characters apart and intact', async () => {
        const s = await fresh();
        const odd: ProfileKey[] = [
          key('sender', 'Ünïcödé@exämple.例え', 'displayName', '山田 太郎 🦊'),
          key('sender', "o'brien@x", 'subject', 'say "hi"; DROP TABLE profiles; --'),
          key('sender', 'back\\slash', 'f', '%_ like wildcards _%'),
          key('sender', 'CASE@X', 'f', 'v'),
          key('sender', 'case@x', 'f', 'v'),
          key('a', 'bc', 'f', 'v'),
          key('ab', 'c', 'f', 'v'),
          key('org', '', '', ''),
          key('sender', 'tab\tnew\nline', 'f', ' padded '),
          key('sender', 'x', 'f', '*literal*'),
        ];
        await s.learn(odd.map((pk, i) => ({ key: pk, at: T0 + i })));
        const got = await s.readProfiles(odd);
        expect(got.size).toBe(odd.length);
        odd.forEach((pk, i) => expectCounter(got.get(keyString(pk)), { count: 1, mass: massAt(T0 + i), firstSeen: T0 + i, lastSeen: T0 + i }));
        expect((await s.readProfiles([key('sender', 'Ünïcödé@exämple.例え', 'displayName', ANY_VALUE)])).size).toBe(1);
      });

      it('learns a large batch (50k observations) in one call', async () => {
        const s = await fresh();
        const big = stream(50_000, 11);
        await s.learn(big);
        const reference = referenceFold(big);
        const keys = [...new Map(big.map((o) => [keyString(o.key), o.key])).values()];
        const got = await s.readProfiles(keys);
        let total = 0;
        for (const [ks, expected] of reference) {
          expectCounter(got.get(ks), expected);
          total += got.get(ks)?.count ?? 0;
        }
        expect(total).toBe(50_000);
      });

      it('is atomic per call: a bad observation learns nothing', async () => {
        const s = await fresh();
        await expect(s.learn([{ key: k, at: T0 }, { key: k, at: Number.NaN }])).rejects.toThrow();
        expect((await s.readProfiles([k])).size).toBe(0);
      });
    });

    describe('value lists', () => {
      it('lists the most counted values first, ties by value, within the limit and one profile only', async () => {
        const store = await fresh();
        const obs = (value: string, n: number, id = 'vendor.example'): Observation[] =>
          Array.from({ length: n }, (_, i) => ({ key: key('domain', id, 'bank', value), at: T0 + i * HOUR }));
        await store.learn([...obs('IBAN-B', 3), ...obs('IBAN-A', 3), ...obs('IBAN-C', 5), ...obs('IBAN-Z', 1), ...obs('OTHER', 9, 'other.example')]);
        await store.learn(obs('IBAN-Z', 1));
        const q = { entity: 'domain', id: 'vendor.example', feature: 'bank', limit: 3 };
        const result = await store.readValues([q, { ...q, id: 'absent.example' }]);
        const list = result.get(valuesKeyString(q)) ?? [];
        expect(list.map((v) => v.value)).toEqual(['IBAN-C', 'IBAN-A', 'IBAN-B']);
        expectCounter(list[0]?.counter, referenceFold(obs('IBAN-C', 5)).get(keyString(key('domain', 'vendor.example', 'bank', 'IBAN-C'))) as Counter);
        expect(result.has(valuesKeyString({ ...q, id: 'absent.example' }))).toBe(false);
      });

      it('caps a query at MAX_VALUES_PER_QUERY', async () => {
        const store = await fresh();
        await store.learn(Array.from({ length: MAX_VALUES_PER_QUERY + 20 }, (_, i) => ({ key: key('org', '', 'linkDomain', `d${i}.example`), at: T0 })));
        const q = { entity: 'org', id: '', feature: 'linkDomain', limit: 10_000 };
        expect((await store.readValues([q])).get(valuesKeyString(q))).toHaveLength(MAX_VALUES_PER_QUERY);
      });
    });

    describe('verdicts', () => {
      it('round-trips a verdict whole and returns null for unknown ids', async () => {
        const s = await fresh();
        const v = verdict('v1', T0);
        await s.saveVerdict(v);
        expect(await s.getVerdict('v1')).toEqual(v);
        expect(await s.getVerdict('nope')).toBeNull();
        const noOrigin: StoredVerdict = { ...verdict('v2', T0, { messageId: null, from: null }), origin: null };
        await s.saveVerdict(noOrigin);
        expect(await s.getVerdict('v2')).toEqual(noOrigin);
      });

      it('lists newest first with limit and offset', async () => {
        const s = await fresh();
        const times = [3, 1, 4, 0, 5, 9, 2, 6];
        for (const [i, h] of times.entries()) await s.saveVerdict(verdict(`v${i}`, T0 + h * HOUR));
        const ids = (list: StoredVerdict[]) => list.map((x) => x.verdict.analysedAt);
        const sorted = [...times].sort((x, y) => y - x).map((h) => T0 + h * HOUR);
        expect(ids(await s.listVerdicts({ limit: 100 }))).toEqual(sorted);
        expect(ids(await s.listVerdicts({ limit: 3 }))).toEqual(sorted.slice(0, 3));
        expect(ids(await s.listVerdicts({ limit: 3, offset: 3 }))).toEqual(sorted.slice(3, 6));
        expect(ids(await s.listVerdicts({ limit: 3, offset: 6 }))).toEqual(sorted.slice(6));
        expect(await s.listVerdicts({ limit: 3, offset: 100 })).toEqual([]);
        expect(await s.listVerdicts({ limit: 0 })).toEqual([]);
      });

      it('pages stably when verdicts share a timestamp', async () => {
        const s = await fresh();
        for (let i = 0; i < 6; i++) await s.saveVerdict(verdict(`same${i}`, T0));
        const pages = [...(await s.listVerdicts({ limit: 2 })), ...(await s.listVerdicts({ limit: 2, offset: 2 })), ...(await s.listVerdicts({ limit: 2, offset: 4 }))];
        expect(new Set(pages.map((p) => p.verdict.id)).size).toBe(6);
      });

      it('overwrites a verdict saved again with the same id', async () => {
        const s = await fresh();
        await s.saveVerdict(verdict('v1', T0));
        const updated = verdict('v1', T0 + HOUR, { score: 90, tags: ['Spoof'] });
        await s.saveVerdict({ ...updated, origin: 'released' });
        expect(await s.getVerdict('v1')).toEqual({ ...updated, origin: 'released' });
        const list = await s.listVerdicts({ limit: 10 });
        expect(list).toHaveLength(1);
        expect(list[0]?.verdict.score).toBe(90);
      });
    });

    describe('message content', () => {
      const content = (extra: Partial<MessageContent> = {}): MessageContent => ({
        headers: [
          { name: 'From', value: 'Alice <alice@vendor.example>' },
          { name: 'Subject', value: 'Invoice — ünïcödé "quoted" \u0000 nul' },
        ],
        text: 'Please pay\r\nthe invoice 100% _today_',
        html: '<p onclick="evil()">Please <a href="https://pay.example/x?a=1&b=2">pay</a></p><script>alert(1)</script>',
        links: [{ href: 'https://pay.example/x?a=1&b=2', text: 'pay', host: 'pay.example', registrableDomain: 'pay.example', textDomain: null, source: 'html' }],
        attachments: [{ filename: null, declaredType: 'application/pdf', detectedType: 'application/zip', size: 1234, sha256: 'ab'.repeat(32), disposition: 'attachment', traits: ['type-mismatch'] }],
        auth: { spf: 'pass', dkim: [{ domain: 'vendor.example', result: 'fail' }], dmarc: null },
        truncated: false,
        ...extra,
      });

      it('saves content with the verdict and reads it back whole; null when none was saved', async () => {
        const s = await fresh();
        const c = content();
        await s.saveVerdict(verdict('v1', T0), c);
        expect(await s.getMessageContent('v1')).toEqual(c);
        expect(await s.getVerdict('v1')).toEqual(verdict('v1', T0));
        await s.saveVerdict(verdict('v2', T0));
        expect(await s.getVerdict('v2')).not.toBeNull();
        expect(await s.getMessageContent('v2')).toBeNull();
        expect(await s.getMessageContent('nope')).toBeNull();
      });

      it('keeps a null html and empty lists as they were, and replaces content saved again', async () => {
        const s = await fresh();
        const plain = content({ html: null, links: [], attachments: [], auth: {}, truncated: true });
        await s.saveVerdict(verdict('v1', T0), plain);
        expect(await s.getMessageContent('v1')).toEqual(plain);
        const again = content({ text: 'second' });
        await s.saveVerdict(verdict('v1', T0 + HOUR), again);
        expect(await s.getMessageContent('v1')).toEqual(again);
        // A replay without content keeps what the first analysis captured.
        await s.saveVerdict(verdict('v1', T0 + 2 * HOUR));
        expect(await s.getMessageContent('v1')).toEqual(again);
        expect((await s.getVerdict('v1'))?.verdict.analysedAt).toBe(T0 + 2 * HOUR);
      });

      it('prunes the content of verdicts analysed before a time and keeps the verdicts', async () => {
        const s = await fresh();
        await s.saveVerdict(verdict('old1', T0), content());
        await s.saveVerdict(verdict('old2', T0 + HOUR), content({ text: 'second' }));
        await s.saveVerdict(verdict('edge', T0 + 2 * HOUR), content());
        await s.saveVerdict(verdict('new', T0 + 3 * HOUR), content());
        // An old verdict saved without content has nothing to remove and is not counted.
        await s.saveVerdict(verdict('bare', T0));
        expect(await s.pruneMessageContent(T0 + 2 * HOUR)).toBe(2);
        expect(await s.getMessageContent('old1')).toBeNull();
        expect(await s.getMessageContent('old2')).toBeNull();
        expect(await s.getVerdict('old1')).toEqual(verdict('old1', T0));
        expect(await s.getVerdict('old2')).toEqual(verdict('old2', T0 + HOUR));
        // `before` is exclusive: analysed exactly then, or later, keeps its content.
        expect(await s.getMessageContent('edge')).toEqual(content());
        expect(await s.getMessageContent('new')).toEqual(content());
        expect((await s.searchVerdicts({}, { limit: 10 })).items).toHaveLength(5);
        expect(await s.pruneMessageContent(T0 + 2 * HOUR)).toBe(0);
      });

      it('prunes by when the verdict was last analysed (a replay moves it), and refuses a fractional time', async () => {
        const s = await fresh();
        await s.saveVerdict(verdict('replayed', T0), content());
        await s.saveVerdict(verdict('replayed', T0 + 5 * HOUR));
        expect(await s.pruneMessageContent(T0 + HOUR)).toBe(0);
        expect(await s.getMessageContent('replayed')).toEqual(content());
        expect(await s.pruneMessageContent(T0 + 6 * HOUR)).toBe(1);
        await expect(s.pruneMessageContent(T0 + 0.5)).rejects.toThrow(/whole milliseconds/u);
      });

      it('spares the content of mail still held or asked for, and prunes it once decided', async () => {
        const s = await fresh();
        for (const id of ['v-h', 'v-r', 'v-x']) await s.saveVerdict(verdict(id, T0), content());
        await s.putQuarantine(held('h', T0));
        await s.putQuarantine(held('r', T0, { state: 'release_requested' }));
        await s.putQuarantine(held('x', T0, { state: 'released' }));
        expect(await s.pruneMessageContent(T0 + HOUR)).toBe(1);
        expect(await s.getMessageContent('v-x')).toBeNull();
        expect(await s.getMessageContent('v-h')).toEqual(content());
        expect(await s.getMessageContent('v-r')).toEqual(content());
        await s.putQuarantine(held('h', T0, { state: 'expired' }));
        expect(await s.pruneMessageContent(T0 + HOUR)).toBe(1);
        expect(await s.getMessageContent('v-h')).toBeNull();
        expect(await s.getMessageContent('v-r')).toEqual(content());
      });

      it('removes every content beyond one batch, verdicts sharing a time across a batch boundary included', async () => {
        const s = await fresh();
        const n = 2 * CONTENT_PRUNE_BATCH + 37;
        const small = content({ html: null, headers: [], links: [], attachments: [], text: 'x' });
        // Seven verdicts per millisecond, so batch boundaries fall inside a group sharing one time.
        const ids = Array.from({ length: n }, (_, i) => `bulk${String(i).padStart(5, '0')}`);
        for (let i = 0; i < n; i += 50) {
          await Promise.all(ids.slice(i, i + 50).map((id, j) => s.saveVerdict(verdict(id, T0 + Math.floor((i + j) / 7)), small)));
        }
        await s.saveVerdict(verdict('kept', T0 + HOUR), small);
        expect(await s.pruneMessageContent(T0 + HOUR)).toBe(n);
        const probes = [0, CONTENT_PRUNE_BATCH - 1, CONTENT_PRUNE_BATCH, CONTENT_PRUNE_BATCH + 1, 2 * CONTENT_PRUNE_BATCH, n - 1];
        for (const i of probes) expect(await s.getMessageContent(ids[i] ?? '')).toBeNull();
        expect(await s.getMessageContent('kept')).toEqual(small);
        expect(await s.pruneMessageContent(T0 + HOUR)).toBe(0);
      });
    });

    describe('quarantine index', () => {
      it('round-trips an entry, updates its state in place, and returns null for unknown ids', async () => {
        const s = await fresh();
        const e = held('q1', T0, { messageId: null, sender: "o'brien \"q\" ünï" });
        await s.putQuarantine(e);
        expect(await s.getQuarantine('q1')).toEqual(e);
        expect(await s.getQuarantine('nope')).toBeNull();
        const released = { ...e, state: 'released' as const, updatedAt: T0 + HOUR };
        await s.putQuarantine(released);
        expect(await s.getQuarantine('q1')).toEqual(released);
        expect(await s.listQuarantine({ limit: 10 })).toHaveLength(1);
      });

      it('lists newest first, filtered by state and digest, with paging', async () => {
        const s = await fresh();
        await s.putQuarantine(held('a', T0));
        await s.putQuarantine(held('b', T0 + 2 * HOUR, { state: 'released' }));
        await s.putQuarantine(held('c', T0 + HOUR));
        await s.putQuarantine(held('d', T0 + 3 * HOUR, { state: 'release_requested', digest: 'sha256:a' }));
        const ids = (list: QuarantineEntry[]) => list.map((e) => e.id);
        expect(ids(await s.listQuarantine({ limit: 10 }))).toEqual(['d', 'b', 'c', 'a']);
        expect(ids(await s.listQuarantine({ limit: 2, offset: 1 }))).toEqual(['b', 'c']);
        expect(ids(await s.listQuarantine({ limit: 10, state: 'held' }))).toEqual(['c', 'a']);
        expect(ids(await s.listQuarantine({ limit: 10, digest: 'sha256:a' }))).toEqual(['d', 'a']);
        expect(ids(await s.listQuarantine({ limit: 10, digest: 'sha256:a', state: 'held' }))).toEqual(['a']);
        await expect(s.listQuarantine({ limit: -1 })).rejects.toThrow();
      });

      it('filters by verdict id, alone and with state, digest and paging', async () => {
        const s = await fresh();
        await s.putQuarantine(held('a', T0, { verdictId: 'v-shared' }));
        await s.putQuarantine(held('b', T0 + HOUR, { verdictId: 'v-shared', state: 'released' }));
        await s.putQuarantine(held('c', T0 + 2 * HOUR));
        const ids = (list: QuarantineEntry[]) => list.map((e) => e.id);
        expect(ids(await s.listQuarantine({ limit: 10, verdictId: 'v-shared' }))).toEqual(['b', 'a']);
        expect(ids(await s.listQuarantine({ limit: 10, verdictId: 'v-c' }))).toEqual(['c']);
        expect(ids(await s.listQuarantine({ limit: 10, verdictId: 'v-shared', state: 'held' }))).toEqual(['a']);
        expect(ids(await s.listQuarantine({ limit: 10, verdictId: 'v-shared', digest: 'sha256:b' }))).toEqual(['b']);
        expect(ids(await s.listQuarantine({ limit: 1, offset: 1, verdictId: 'v-shared' }))).toEqual(['a']);
        expect(await s.listQuarantine({ limit: 10, verdictId: 'v-none' })).toEqual([]);
        await expect(s.listQuarantine({ limit: -1, verdictId: 'v-shared' })).rejects.toThrow();
      });

      it('changes an entry only from the given states (and version), writing nothing otherwise', async () => {
        const s = await fresh();
        const e = held('q1', T0, { sender: "o'brien ünï" });
        await s.putQuarantine(e);
        await s.putQuarantine(held('q2', T0));
        const requested = { ...e, state: 'release_requested' as const, updatedAt: T0 + HOUR };
        expect(await s.transitionQuarantine('q1', ['held', 'release_requested'], requested)).toBe(true);
        expect(await s.getQuarantine('q1')).toEqual(requested);
        // Not from a state the entry is not in: the row is left exactly as it was.
        expect(await s.transitionQuarantine('q1', ['held'], { ...e, state: 'deleted', updatedAt: T0 + 2 * HOUR })).toBe(false);
        expect(await s.transitionQuarantine('q1', [], { ...e, state: 'deleted', updatedAt: T0 + 2 * HOUR })).toBe(false);
        expect(await s.getQuarantine('q1')).toEqual(requested);
        // With a version: only the exact updatedAt the caller read.
        const released = { ...requested, state: 'released' as const, updatedAt: T0 + 3 * HOUR };
        expect(await s.transitionQuarantine('q1', ['release_requested'], released, { updatedAt: T0 })).toBe(false);
        expect(await s.transitionQuarantine('q1', ['release_requested'], released, { updatedAt: T0 + HOUR })).toBe(true);
        expect(await s.getQuarantine('q1')).toEqual(released);
        expect((await s.listQuarantine({ limit: 10, state: 'released' })).map((x) => x.id)).toEqual(['q1']);
        // Back again (a release whose delivery failed): any state to any state, the guard decides.
        expect(await s.transitionQuarantine('q1', ['released'], requested, { updatedAt: T0 + 3 * HOUR })).toBe(true);
        expect(await s.getQuarantine('q1')).toEqual(requested);
        // A missing entry is never created, and the other entry was never touched.
        expect(await s.transitionQuarantine('nope', ['held'], held('nope', T0))).toBe(false);
        expect(await s.getQuarantine('nope')).toBeNull();
        expect(await s.getQuarantine('q2')).toEqual(held('q2', T0));
        await expect(s.transitionQuarantine('q2', ['held'], held('q3', T0))).rejects.toThrow(/q3/);
        expect(await s.getQuarantine('q2')).toEqual(held('q2', T0));
      });

      it('lets exactly one of many racing transitions (from two connections) win', async () => {
        const a = await fresh();
        const b = options.reopen ? await options.reopen() : a;
        if (b !== a) opened.push(b);
        const finals = ['released', 'deleted', 'expired'] as const;
        for (let round = 0; round < 10; round++) {
          const id = `race${round}`;
          await a.putQuarantine(held(id, T0));
          const attempts = Array.from({ length: 12 }, (_, i) => ({ store: i % 2 === 0 ? a : b, next: { ...held(id, T0), state: finals[i % 3] ?? 'released', updatedAt: T0 + i + 1 } }));
          const won = await Promise.all(attempts.map(({ store, next }) => store.transitionQuarantine(id, ['held', 'release_requested'], next)));
          expect(won.filter(Boolean)).toHaveLength(1);
          const winner = attempts[won.indexOf(true)]?.next;
          expect(await b.getQuarantine(id)).toEqual(winner);
        }
      });
    });

    describe('quarantine blobs', () => {
      // Every byte value, so nothing in between treats the blob as text.
      const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

      it('round-trips sealed bytes exactly, replaces them, deletes them; null when absent', async () => {
        const s = await fresh();
        expect(await s.getQuarantineBlob('q1')).toBeNull();
        await s.putQuarantineBlob('q1', bytes);
        await s.putQuarantineBlob('q2', Buffer.from('other'));
        const got = await s.getQuarantineBlob('q1');
        expect(Buffer.isBuffer(got)).toBe(true);
        expect(got?.equals(bytes)).toBe(true);
        const replacement = Buffer.from([0, 255, 0, 1]);
        await s.putQuarantineBlob('q1', replacement);
        expect((await s.getQuarantineBlob('q1'))?.equals(replacement)).toBe(true);
        await s.deleteQuarantineBlob('q1');
        await s.deleteQuarantineBlob('q1');
        await s.deleteQuarantineBlob('never');
        expect(await s.getQuarantineBlob('q1')).toBeNull();
        expect((await s.getQuarantineBlob('q2'))?.toString()).toBe('other');
        await s.putQuarantineBlob('empty', Buffer.alloc(0));
        expect(await s.getQuarantineBlob('empty')).toEqual(Buffer.alloc(0));
      });
    });

    describe('dashboards', () => {
      const dashboard = (id: string, ownerId: string, name: string, shared: boolean, extra: Partial<DashboardRecord> = {}): DashboardRecord => ({
        id,
        ownerId,
        name,
        shared,
        widgets: [{ id: 'w1', title: 'Held "this" week — ünï', filter: { action: 'hold', minScore: 50 }, view: { type: 'bar', by: 'recipient' }, days: 7 }],
        createdAt: T0,
        updatedAt: T0,
        ...extra,
      });

      it('creates once per id, reads back whole, updates in place and deletes', async () => {
        const s = await fresh();
        const d = dashboard('d1', 'u1', 'Mine', false);
        expect(await s.createDashboard(d)).toBe(true);
        expect(await s.createDashboard(dashboard('d1', 'u2', 'Theirs', true))).toBe(false);
        expect(await s.getDashboard('d1')).toEqual(d);
        expect(await s.getDashboard('nope')).toBeNull();
        const changed: DashboardRecord = { ...d, name: 'Renamed', shared: true, widgets: [], updatedAt: T0 + HOUR, ownerId: 'someone-else', createdAt: 0 };
        await s.updateDashboard(changed);
        // Owner and creation time are not the update's to change.
        expect(await s.getDashboard('d1')).toEqual({ ...d, name: 'Renamed', shared: true, widgets: [], updatedAt: T0 + HOUR });
        expect(await s.deleteDashboard('d1')).toBe(true);
        expect(await s.deleteDashboard('d1')).toBe(false);
        expect(await s.getDashboard('d1')).toBeNull();
      });

      it("lists a user's own dashboards and every shared one, never another user's private one, by name then id", async () => {
        const s = await fresh();
        await s.createDashboard(dashboard('d1', 'u1', 'Zebra', false));
        await s.createDashboard(dashboard('d2', 'u2', 'Alpha', true));
        await s.createDashboard(dashboard('d3', 'u2', 'Private', false));
        await s.createDashboard(dashboard('d5', 'u1', 'Beta', true));
        await s.createDashboard(dashboard('d4', 'u3', 'Beta', true));
        await s.createDashboard(dashboard('d6', 'u1', 'beta', false));
        const ids = (list: DashboardRecord[]) => list.map((d) => d.id);
        expect(ids(await s.listDashboards('u1'))).toEqual(['d2', 'd4', 'd5', 'd1', 'd6']);
        expect(ids(await s.listDashboards('u2'))).toEqual(['d2', 'd4', 'd5', 'd3']);
        expect(ids(await s.listDashboards('nobody'))).toEqual(['d2', 'd4', 'd5']);
        expect((await s.listDashboards('u1')).find((d) => d.id === 'd1')).toEqual(dashboard('d1', 'u1', 'Zebra', false));
      });
    });

    describe('audit log', () => {
      it('appends and lists newest first with paging, detail intact', async () => {
        const s = await fresh();
        for (let i = 0; i < 5; i++) {
          await s.appendAudit({ at: T0 + i, actor: `analyst${i}`, action: 'quarantine.release', subject: `q${i}`, detail: { reason: `looks fine "${i}" ünï`, n: i, nested: { ok: true } } });
        }
        const all = await s.listAudit({ limit: 10 });
        expect(all.map((e) => e.subject)).toEqual(['q4', 'q3', 'q2', 'q1', 'q0']);
        expect(all[0]).toMatchObject({ at: T0 + 4, actor: 'analyst4', action: 'quarantine.release', detail: { reason: 'looks fine "4" ünï', n: 4, nested: { ok: true } } });
        expect(all[0]?.seq).toBeGreaterThan(all[1]?.seq ?? Infinity);
        expect((await s.listAudit({ limit: 2, offset: 3 })).map((e) => e.subject)).toEqual(['q1', 'q0']);
      });

      it('lists only the entries about one subject when asked, newest first with paging', async () => {
        const s = await fresh();
        const actions = ['quarantine.hold', 'user.login', 'quarantine.request_release', 'message.report', 'quarantine.release'];
        for (const [i, action] of actions.entries()) {
          await s.appendAudit({ at: T0 + i, actor: 'ana', action, subject: i % 2 === 0 ? 'q1' : 'other', detail: { i } });
        }
        await s.appendAudit({ at: T0 + 9, actor: 'ana', action: 'x', subject: 'q10', detail: {} });
        const about = await s.listAudit({ limit: 10, subject: 'q1' });
        expect(about.map((e) => e.action)).toEqual(['quarantine.release', 'quarantine.request_release', 'quarantine.hold']);
        expect(about.map((e) => e.detail)).toEqual([{ i: 4 }, { i: 2 }, { i: 0 }]);
        expect((await s.listAudit({ limit: 1, offset: 1, subject: 'q1' })).map((e) => e.action)).toEqual(['quarantine.request_release']);
        expect(await s.listAudit({ limit: 10, subject: 'none' })).toEqual([]);
        expect(await s.listAudit({ limit: 10 })).toHaveLength(6);
      });

      it('offers no way to change or remove a line', async () => {
        // The interface itself is the first guard; the backends add a trigger (tested per backend).
        const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(await fresh())) as string[];
        expect(methods).toContain('appendAudit');
        expect(methods.filter((m) => /audit/i.test(m) && !['appendAudit', 'listAudit'].includes(m))).toEqual([]);
      });
    });

    describe('link clicks', () => {
      it('records clicks per verdict, oldest first, with unknown actors as null', async () => {
        const s = await fresh();
        await s.recordClick({ token: 't2', verdictId: 'v1', url: 'https://x.example/b?q="1"', at: T0 + HOUR, actor: null, outcome: 'blocked' });
        await s.recordClick({ token: 't1', verdictId: 'v1', url: 'https://x.example/a', at: T0, actor: 'bob@example.com', outcome: 'continued' });
        await s.recordClick({ token: 't3', verdictId: 'v2', url: 'https://y.example/', at: T0, actor: 'carol@example.com', outcome: 'continued' });
        expect(await s.listClicks('v1')).toEqual([
          { token: 't1', verdictId: 'v1', url: 'https://x.example/a', at: T0, actor: 'bob@example.com', outcome: 'continued' },
          { token: 't2', verdictId: 'v1', url: 'https://x.example/b?q="1"', at: T0 + HOUR, actor: null, outcome: 'blocked' },
        ]);
        expect(await s.listClicks('none')).toEqual([]);
      });
    });

    describe('verdict search', () => {
      const seed = async (s: Store) => {
        const actions = (delivery: 'deliver' | 'banner' | 'hold') => ({ delivery, links: 'none' as const, attachments: 'none' as const, notTaken: [] });
        await s.saveVerdict(verdict('a', T0, { score: 10, tags: [], from: 'alice@vendor.example', recipients: ['bob@example.com'], subject: 'Lunch 100% on us', actions: actions('deliver') }));
        await s.saveVerdict(verdict('b', T0 + HOUR, { score: 80, tags: ['Spoof', 'First Contact'], from: 'mallory@evil.example', recipients: ['bob@example.com', 'carol@example.com'], subject: 'URGENT invoice', actions: actions('hold') }));
        await s.saveVerdict(verdict('c', T0 + 25 * HOUR, { score: 55, tags: ['First Contact'], from: 'dave@new.example', recipients: ['carol@example.com'], subject: 'Hello', direction: 'outbound', actions: actions('banner') }));
        await s.saveVerdict(verdict('d', T0 + 26 * HOUR, { score: 30, tags: ['First Contact Extra'], from: null, recipients: ['bob_x@example.com'], subject: 'misc_stuff', actions: actions('deliver') }));
      };
      const ids = (r: { items: StoredVerdict[] }) => r.items.map((x) => x.verdict.id);

      it('filters by time, sender, recipient, tag, action, direction, score and free text', async () => {
        const s = await fresh();
        await seed(s);
        const page = { limit: 10 };
        expect(ids(await s.searchVerdicts({}, page))).toEqual(['d', 'c', 'b', 'a']);
        expect(ids(await s.searchVerdicts({ from: T0 + HOUR, to: T0 + 26 * HOUR }, page))).toEqual(['c', 'b']);
        expect(ids(await s.searchVerdicts({ sender: 'mallory@evil.example' }, page))).toEqual(['b']);
        expect(ids(await s.searchVerdicts({ recipient: 'carol@example.com' }, page))).toEqual(['c', 'b']);
        // Exact elements only: 'bob_x' is not 'bob', and '_' is no wildcard.
        expect(ids(await s.searchVerdicts({ recipient: 'bob@example.com' }, page))).toEqual(['b', 'a']);
        expect(ids(await s.searchVerdicts({ tag: 'First Contact' }, page))).toEqual(['c', 'b']);
        expect(ids(await s.searchVerdicts({ action: 'hold' }, page))).toEqual(['b']);
        expect(ids(await s.searchVerdicts({ direction: 'outbound' }, page))).toEqual(['c']);
        expect(ids(await s.searchVerdicts({ minScore: 30, maxScore: 55 }, page))).toEqual(['d', 'c']);
        expect(ids(await s.searchVerdicts({ text: 'urgent' }, page))).toEqual(['b']);
        expect(ids(await s.searchVerdicts({ text: 'EVIL' }, page))).toEqual(['b']);
        expect(ids(await s.searchVerdicts({ text: '100%' }, page))).toEqual(['a']);
        expect(ids(await s.searchVerdicts({ text: '_' }, page))).toEqual(['d']);
        expect(ids(await s.searchVerdicts({ tag: 'First Contact', minScore: 60, recipient: 'bob@example.com' }, page))).toEqual(['b']);
      });

      it('pages with a has-more flag and refuses bad paging', async () => {
        const s = await fresh();
        await seed(s);
        const first = await s.searchVerdicts({}, { limit: 3 });
        expect(ids(first)).toEqual(['d', 'c', 'b']);
        expect(first.hasMore).toBe(true);
        const second = await s.searchVerdicts({}, { limit: 3, offset: 3 });
        expect(ids(second)).toEqual(['a']);
        expect(second.hasMore).toBe(false);
        await expect(s.searchVerdicts({}, { limit: -1 })).rejects.toThrow();
      });

      it('counts per UTC day, direction, action and tag set', async () => {
        const s = await fresh();
        await seed(s);
        const rows = await s.countVerdicts({});
        const day1 = T0;
        const day2 = T0 + 24 * HOUR;
        expect(rows.map((r) => ({ ...r, tags: [...r.tags] }))).toEqual(
          expect.arrayContaining([
            { day: day1, direction: 'inbound', delivery: 'deliver', tags: [], count: 1 },
            { day: day1, direction: 'inbound', delivery: 'hold', tags: ['Spoof', 'First Contact'], count: 1 },
            { day: day2, direction: 'outbound', delivery: 'banner', tags: ['First Contact'], count: 1 },
            { day: day2, direction: 'inbound', delivery: 'deliver', tags: ['First Contact Extra'], count: 1 },
          ]),
        );
        expect(rows).toHaveLength(4);
        expect((await s.countVerdicts({ action: 'hold' })).map((r) => r.count)).toEqual([1]);
      });

      it('filters by any of a group of recipients; an empty group matches nothing', async () => {
        const s = await fresh();
        await seed(s);
        const page = { limit: 10 };
        expect(ids(await s.searchVerdicts({ recipientsAny: ['carol@example.com', 'nobody@example.com'] }, page))).toEqual(['c', 'b']);
        expect(ids(await s.searchVerdicts({ recipientsAny: ['bob@example.com', 'carol@example.com'] }, page))).toEqual(['c', 'b', 'a']);
        // Exact elements only, as with `recipient`.
        expect(ids(await s.searchVerdicts({ recipientsAny: ['bob_x@example.com'] }, page))).toEqual(['d']);
        expect(ids(await s.searchVerdicts({ recipientsAny: ['%'] }, page))).toEqual([]);
        expect(ids(await s.searchVerdicts({ recipientsAny: [] }, page))).toEqual([]);
        expect(ids(await s.searchVerdicts({ recipientsAny: ['bob@example.com', 'carol@example.com'], action: 'deliver' }, page))).toEqual(['a']);
        expect(ids(await s.searchVerdicts({ recipientsAny: ['carol@example.com'], recipient: 'bob@example.com' }, page))).toEqual(['b']);
        expect((await s.countVerdicts({ recipientsAny: ['carol@example.com'] })).reduce((n, r) => n + r.count, 0)).toBe(2);
        expect(await s.countVerdicts({ recipientsAny: [] })).toEqual([]);
      });

      it('filters by the exact sender domain', async () => {
        const s = await fresh();
        await seed(s);
        await s.saveVerdict(verdict('e', T0 + 27 * HOUR, { from: 'eve@sub.evil.example' }));
        await s.saveVerdict(verdict('f', T0 + 28 * HOUR, { from: 'frank@notevil.example' }));
        const page = { limit: 10 };
        expect(ids(await s.searchVerdicts({ senderDomain: 'evil.example' }, page))).toEqual(['b']);
        expect(ids(await s.searchVerdicts({ senderDomain: 'sub.evil.example' }, page))).toEqual(['e']);
        expect(ids(await s.searchVerdicts({ senderDomain: 'vendor.example' }, page))).toEqual(['a']);
        expect(ids(await s.searchVerdicts({ senderDomain: 'example' }, page))).toEqual([]);
        expect(ids(await s.searchVerdicts({ senderDomain: 'evil.example', minScore: 90 }, page))).toEqual([]);
        expect((await s.countVerdicts({ senderDomain: 'new.example' })).map((r) => r.count)).toEqual([1]);
      });

      it('groups by recipient, counting a verdict once for each of its recipients', async () => {
        const s = await fresh();
        await seed(s);
        // Mixed case and a repeated recipient: grouped lower case, counted once per verdict.
        await s.saveVerdict(verdict('e', T0 + 30 * HOUR, { score: 95, recipients: ['Carol@Example.com', 'carol@example.com'], actions: { delivery: 'hold', links: 'none', attachments: 'none', notTaken: [] } }));
        const rows = await s.groupVerdicts({}, { by: 'recipient', anomalousScore: 50, limit: 10 });
        expect(rows).toEqual([
          { value: 'carol@example.com', total: 3, anomalous: 3, actioned: 3, held: 2, maxScore: 95, lastAt: T0 + 30 * HOUR },
          { value: 'bob@example.com', total: 2, anomalous: 1, actioned: 1, held: 1, maxScore: 80, lastAt: T0 + HOUR },
          { value: 'bob_x@example.com', total: 1, anomalous: 0, actioned: 0, held: 0, maxScore: 30, lastAt: T0 + 26 * HOUR },
        ]);
        expect((await s.groupVerdicts({}, { by: 'recipient', anomalousScore: 50, limit: 1 })).map((r) => r.value)).toEqual(['carol@example.com']);
        expect(await s.groupVerdicts({}, { by: 'recipient', anomalousScore: 50, limit: 0 })).toEqual([]);
        // The filter applies to verdicts: b (to bob and carol) alone still counts for both.
        expect((await s.groupVerdicts({ action: 'hold', to: T0 + 2 * HOUR }, { by: 'recipient', anomalousScore: 50, limit: 10 })).map((r) => [r.value, r.total])).toEqual([
          ['bob@example.com', 1],
          ['carol@example.com', 1],
        ]);
        // A group filter keeps whole verdicts, so their other recipients appear too.
        expect((await s.groupVerdicts({ recipientsAny: ['bob@example.com'] }, { by: 'recipient', anomalousScore: 50, limit: 10 })).map((r) => [r.value, r.total])).toEqual([
          ['bob@example.com', 2],
          ['carol@example.com', 1],
        ]);
        expect(await s.groupVerdicts({ recipientsAny: [] }, { by: 'recipient', anomalousScore: 50, limit: 10 })).toEqual([]);
      });

      it('groups by sender and sender domain, leaving out verdicts without a sender, ties by value', async () => {
        const s = await fresh();
        await seed(s);
        await s.saveVerdict(verdict('e', T0 + 30 * HOUR, { score: 60, from: 'eve@evil.example' }));
        await s.saveVerdict(verdict('f', T0 + 31 * HOUR, { score: 10, from: 'zed@aaa.example' }));
        const bySender = await s.groupVerdicts({}, { by: 'sender', anomalousScore: 50, limit: 10 });
        expect(bySender.map((r) => [r.value, r.total, r.anomalous])).toEqual([
          ['dave@new.example', 1, 1],
          ['eve@evil.example', 1, 1],
          ['mallory@evil.example', 1, 1],
          ['alice@vendor.example', 1, 0],
          ['zed@aaa.example', 1, 0],
        ]);
        const byDomain = await s.groupVerdicts({}, { by: 'senderDomain', anomalousScore: 50, limit: 10 });
        expect(byDomain).toEqual([
          { value: 'evil.example', total: 2, anomalous: 2, actioned: 2, held: 1, maxScore: 80, lastAt: T0 + 30 * HOUR },
          { value: 'new.example', total: 1, anomalous: 1, actioned: 1, held: 0, maxScore: 55, lastAt: T0 + 25 * HOUR },
          { value: 'aaa.example', total: 1, anomalous: 0, actioned: 1, held: 0, maxScore: 10, lastAt: T0 + 31 * HOUR },
          { value: 'vendor.example', total: 1, anomalous: 0, actioned: 0, held: 0, maxScore: 10, lastAt: T0 },
        ]);
        expect((await s.groupVerdicts({ senderDomain: 'evil.example', minScore: 70 }, { by: 'sender', anomalousScore: 50, limit: 10 })).map((r) => r.value)).toEqual(['mallory@evil.example']);
        expect((await s.groupVerdicts({}, { by: 'sender', anomalousScore: 100, limit: 10 })).every((r) => r.anomalous === 0)).toBe(true);
        await expect(s.groupVerdicts({}, { by: 'sender', anomalousScore: 50, limit: -1 })).rejects.toThrow();
      });

      it('counts tag sets per listed recipient, a verdict once for each of them it went to', async () => {
        const s = await fresh();
        await seed(s);
        // Mixed case and a repeated recipient: compared lower case, counted once.
        await s.saveVerdict(verdict('e', T0 + 30 * HOUR, { score: 95, tags: ['Spoof'], recipients: ['Carol@Example.com', 'carol@example.com'] }));
        const people = ['bob@example.com', 'carol@example.com', 'nobody@example.com'];
        expect((await s.countRecipientTags({ minScore: 50 }, people)).map((r) => ({ ...r, tags: [...r.tags] }))).toEqual([
          { recipient: 'bob@example.com', tags: ['Spoof', 'First Contact'], count: 1 },
          { recipient: 'carol@example.com', tags: ['First Contact'], count: 1 },
          { recipient: 'carol@example.com', tags: ['Spoof', 'First Contact'], count: 1 },
          { recipient: 'carol@example.com', tags: ['Spoof'], count: 1 },
        ]);
        // Tag sets in the order of their JSON text's bytes.
        expect((await s.countRecipientTags({}, ['bob@example.com'])).map((r) => [[...r.tags], r.count])).toEqual([
          [['Spoof', 'First Contact'], 1],
          [[], 1],
        ]);
        // The filter applies to verdicts; recipients not listed are left out; patterns are not patterns.
        expect((await s.countRecipientTags({ to: T0 + 2 * HOUR }, ['carol@example.com'])).map((r) => [r.recipient, r.count])).toEqual([['carol@example.com', 1]]);
        expect(await s.countRecipientTags({}, ['%', 'bob_x@example'])).toEqual([]);
        expect(await s.countRecipientTags({}, [])).toEqual([]);
      });

      it("lists the clicks on each listed recipient's newest matching verdicts whose links were locked", async () => {
        const s = await fresh();
        const locked = (links: 'none' | 'lock' | 'double_lock') => ({ delivery: 'banner' as const, links, attachments: 'none' as const, notTaken: [] });
        await s.saveVerdict(verdict('l1', T0, { score: 60, recipients: ['bob@example.com'], actions: locked('lock') }));
        await s.saveVerdict(verdict('l2', T0 + HOUR, { score: 70, recipients: ['bob@example.com', 'carol@example.com'], actions: locked('double_lock') }));
        await s.saveVerdict(verdict('l3', T0 + 2 * HOUR, { score: 90, recipients: ['Bob@Example.com'], actions: locked('none') }));
        await s.saveVerdict(verdict('l4', T0 + 3 * HOUR, { score: 20, recipients: ['bob@example.com'], actions: locked('lock') }));
        const click = (token: string, verdictId: string, at: number, actor: string | null) => ({ token, verdictId, url: `https://${token}.example/`, at, actor, outcome: actor ? ('continued' as const) : ('blocked' as const) });
        const a1 = click('a1', 'l1', T0 + 10 * 60_000, null);
        const a2 = click('a2', 'l2', T0 + HOUR + 5 * 60_000, 'carol@example.com');
        const a3 = click('a3', 'l2', T0 + HOUR + 60_000, null);
        for (const c of [a1, a2, a3, click('a4', 'l3', T0 + 2 * HOUR, null), click('a5', 'l4', T0 + 3 * HOUR, null)]) await s.recordClick(c);
        const people = ['bob@example.com', 'carol@example.com', 'nobody@example.com'];
        const seen = async (filter: { minScore?: number }, newest: number) => (await s.recipientClicks(filter, people, newest)).map((r) => [r.recipient, r.click.token, r.recipientCount]);
        expect(await seen({ minScore: 50 }, 10)).toEqual([
          ['bob@example.com', 'a3', 2],
          ['bob@example.com', 'a2', 2],
          ['bob@example.com', 'a1', 1],
          ['carol@example.com', 'a3', 2],
          ['carol@example.com', 'a2', 2],
        ]);
        expect((await s.recipientClicks({ minScore: 50 }, ['carol@example.com'], 10)).map((r) => r.click)).toEqual([a3, a2]);
        // The newest are counted before the unlocked ones are left out: l3 is bob's newest.
        expect(await seen({ minScore: 50 }, 1)).toEqual([
          ['carol@example.com', 'a3', 2],
          ['carol@example.com', 'a2', 2],
        ]);
        expect(await seen({ minScore: 50 }, 2)).toEqual([
          ['bob@example.com', 'a3', 2],
          ['bob@example.com', 'a2', 2],
          ['carol@example.com', 'a3', 2],
          ['carol@example.com', 'a2', 2],
        ]);
        expect((await seen({}, 1)).map(([, token]) => token)).toEqual(['a5', 'a3', 'a2']);
        expect(await s.recipientClicks({}, [], 10)).toEqual([]);
        await expect(s.recipientClicks({}, people, -1)).rejects.toThrow();
      });
    });

    describe('accounts', () => {
      const user = (id: string, username: string): UserRecord => ({ id, username, role: 'analyst', passwordHash: '$argon2id$x', disabled: false, createdAt: T0, updatedAt: T0 });

      it('creates users once per id and username, updates and lists them', async () => {
        const s = await fresh();
        expect(await s.createUser(user('u1', 'zoe'))).toBe(true);
        expect(await s.createUser(user('u2', 'amy'))).toBe(true);
        expect(await s.createUser(user('u3', 'zoe'))).toBe(false);
        expect(await s.createUser(user('u1', 'other'))).toBe(false);
        expect(await s.getUser('u1')).toEqual(user('u1', 'zoe'));
        expect(await s.getUserByName('amy')).toEqual(user('u2', 'amy'));
        expect(await s.getUser('nope')).toBeNull();
        const changed: UserRecord = { ...user('u1', 'zoe'), role: 'admin', disabled: true, passwordHash: '$argon2id$y', updatedAt: T0 + HOUR };
        await s.updateUser(changed);
        expect(await s.getUser('u1')).toEqual(changed);
        expect((await s.listUsers()).map((u) => u.username)).toEqual(['amy', 'zoe']);
      });

      it('keeps sessions by hash and deletes them one by one or per user', async () => {
        const s = await fresh();
        await s.createSession({ idHash: 'h1', userId: 'u1', createdAt: T0, expiresAt: T0 + HOUR });
        await s.createSession({ idHash: 'h2', userId: 'u1', createdAt: T0, expiresAt: T0 + HOUR });
        await s.createSession({ idHash: 'h3', userId: 'u2', createdAt: T0, expiresAt: T0 + HOUR });
        expect(await s.getSession('h1')).toEqual({ idHash: 'h1', userId: 'u1', createdAt: T0, expiresAt: T0 + HOUR });
        await s.deleteSession('h1');
        expect(await s.getSession('h1')).toBeNull();
        await s.deleteUserSessions('u1');
        expect(await s.getSession('h2')).toBeNull();
        expect(await s.getSession('h3')).not.toBeNull();
      });

      it('stores API tokens by hash, lists them, and revokes once', async () => {
        const s = await fresh();
        await s.createApiToken({ id: 't1', userId: 'u1', name: 'siem', tokenHash: 'th1', scope: 'read', createdAt: T0, revokedAt: null });
        await s.createApiToken({ id: 't2', userId: 'u2', name: 'soar', tokenHash: 'th2', scope: 'write', createdAt: T0 + 1, revokedAt: null });
        expect(await s.getApiTokenByHash('th2')).toEqual({ id: 't2', userId: 'u2', name: 'soar', tokenHash: 'th2', scope: 'write', createdAt: T0 + 1, revokedAt: null });
        expect(await s.getApiTokenByHash('nope')).toBeNull();
        expect((await s.listApiTokens(null)).map((t) => t.id)).toEqual(['t1', 't2']);
        expect((await s.listApiTokens('u1')).map((t) => t.id)).toEqual(['t1']);
        expect(await s.revokeApiToken('t1', T0 + HOUR)).toBe(true);
        expect(await s.revokeApiToken('t1', T0 + 2 * HOUR)).toBe(false);
        expect(await s.revokeApiToken('nope', T0)).toBe(false);
        expect((await s.getApiTokenByHash('th1'))?.revokedAt).toBe(T0 + HOUR);
      });
    });

    describe('meta', () => {
      it('round-trips, overwrites, and returns null when unset', async () => {
        const s = await fresh();
        expect(await s.getMeta('org')).toBeNull();
        await s.setMeta('org', '{"domains":["example.com"]}');
        expect(await s.getMeta('org')).toBe('{"domains":["example.com"]}');
        await s.setMeta('org', '');
        expect(await s.getMeta('org')).toBe('');
        await s.setMeta('ünï "q"', 'värde');
        expect(await s.getMeta('ünï "q"')).toBe('värde');
      });
    });
  });
}
