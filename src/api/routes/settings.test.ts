import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { loadPolicy } from '../../config/policy-file.js';
import { SETTINGS_OVERRIDES_META } from '../../config/settings-overrides.js';
import type { Org } from '../../core/org.js';
import { Engine } from '../../engine/engine.js';
import { type Harness, startHarness } from '../test-harness.js';

let h: Harness;
let engine: Engine;
type Session = { cookie: string; csrf: string };
let admin: Session;
let ana: Session;
let vic: Session;

const config = loadConfig({ env: {}, flags: { orgDomains: ['example.org'], dataDir: '/data', quarantineKey: 'c2VjcmV0' } });

beforeAll(async () => {
  let current: Org = { domains: ['example.org'], groups: {}, vips: [] };
  h = await startHarness({
    config,
    org: () => current,
    // As `belong serve` wires it: the new config's organisation goes to the engine.
    onSettingsChange: (next) => {
      current = { domains: next.orgDomains, groups: next.groups, vips: next.vips };
      engine.setOrg(current);
    },
  });
  engine = new Engine({ store: h.store, org: current, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
  await h.addUser('ana', 'analyst');
  await h.addUser('vic', 'viewer');
  [admin, ana, vic] = await Promise.all([h.login('admin'), h.login('ana'), h.login('vic')]);
});
afterAll(async () => {
  await h.close();
});

const send = async (who: Session, method: 'GET' | 'PUT', url: string, payload?: unknown) => {
  const response = await h.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};

describe('settings', () => {
  it('shows the effective configuration, secrets redacted, and the editable part', async () => {
    const { status, body } = await send(admin, 'GET', '/api/v1/settings');
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({ orgDomains: ['example.org'], quarantineKey: '(set)' });
    expect(body.editable).toEqual({ orgDomains: ['example.org'], groups: {}, vips: [], autonomy: 'passive', quarantineRetentionDays: 30, messageRetentionDays: 30 });
  });

  it('is for admins only', async () => {
    expect((await send(vic, 'GET', '/api/v1/settings')).status).toBe(403);
    expect((await send(vic, 'PUT', '/api/v1/settings', { autonomy: 'active' })).status).toBe(403);
    expect((await send(ana, 'PUT', '/api/v1/settings', { autonomy: 'active' })).status).toBe(403);
  });

  it('refuses an invalid change listing every problem, and changes nothing', async () => {
    const { status, body } = await send(admin, 'PUT', '/api/v1/settings', { orgDomains: ['not a domain'], vips: ['nobody'], quarantineRetentionDays: 0, messageRetentionDays: 3651, autonomy: 'reckless', dataDir: '/tmp' });
    expect(status).toBe(400);
    expect(body.error).toBe('bad_request');
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^orgDomains\.0: /u),
        expect.stringMatching(/^vips\.0: /u),
        expect.stringMatching(/^quarantineRetentionDays: /u),
        expect.stringMatching(/^messageRetentionDays: at most 3650 days/u),
        expect.stringMatching(/^autonomy: /u),
        expect.stringMatching(/^dataDir: not an editable setting/u),
      ]),
    );
    expect(body.message).toMatch(/quarantineRetentionDays/u);
    expect(await h.store.getMeta(SETTINGS_OVERRIDES_META)).toBeNull();
    expect((await send(admin, 'PUT', '/api/v1/settings', ['autonomy'])).status).toBe(400);
  });

  it('applies a valid change live, keeps it in the store, and audits what changed', async () => {
    const { status, body } = await send(admin, 'PUT', '/api/v1/settings', { groups: { Executives: ['CEO@example.org'] }, vips: ['cfo@example.org'], autonomy: 'passive' });
    expect(status).toBe(200);
    expect(body.editable).toEqual({ orgDomains: ['example.org'], groups: { Executives: ['ceo@example.org'] }, vips: ['cfo@example.org'], autonomy: 'passive', quarantineRetentionDays: 30, messageRetentionDays: 30 });
    expect(body.settings).toMatchObject({ groups: { Executives: ['ceo@example.org'] }, quarantineKey: '(set)' });
    expect(engine.org).toEqual({ domains: ['example.org'], groups: { Executives: ['ceo@example.org'] }, vips: ['cfo@example.org'] });
    expect((await send(vic, 'GET', '/api/v1/groups')).body).toEqual({ items: [{ name: 'Executives', members: ['ceo@example.org'] }] });
    expect(JSON.parse((await h.store.getMeta(SETTINGS_OVERRIDES_META)) ?? '{}')).toEqual({ groups: { Executives: ['ceo@example.org'] }, vips: ['cfo@example.org'], autonomy: 'passive' });
    const [entry] = await h.store.listAudit({ limit: 1 });
    // autonomy was already passive: only what changed is recorded.
    expect(entry).toMatchObject({ actor: 'admin', action: 'settings.change', subject: 'settings', detail: { before: { groups: {}, vips: [] }, after: { groups: { Executives: ['ceo@example.org'] }, vips: ['cfo@example.org'] } } });
  });

  it('adds a later change to the stored ones', async () => {
    await send(admin, 'PUT', '/api/v1/settings', { quarantineRetentionDays: 90 });
    expect(JSON.parse((await h.store.getMeta(SETTINGS_OVERRIDES_META)) ?? '{}')).toMatchObject({ vips: ['cfo@example.org'], quarantineRetentionDays: 90 });
    expect((await send(admin, 'GET', '/api/v1/settings')).body.editable).toMatchObject({ vips: ['cfo@example.org'], quarantineRetentionDays: 90 });
    await send(admin, 'PUT', '/api/v1/settings', { messageRetentionDays: 7 });
    expect(JSON.parse((await h.store.getMeta(SETTINGS_OVERRIDES_META)) ?? '{}')).toMatchObject({ quarantineRetentionDays: 90, messageRetentionDays: 7 });
    expect((await send(admin, 'GET', '/api/v1/settings')).body.editable).toMatchObject({ quarantineRetentionDays: 90, messageRetentionDays: 7 });
    const [entry] = await h.store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'settings.change', detail: { before: { messageRetentionDays: 30 }, after: { messageRetentionDays: 7 } } });
  });
});
