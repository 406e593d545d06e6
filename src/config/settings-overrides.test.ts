import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { loadConfig } from './config.js';
import {
  SETTINGS_OVERRIDES_META,
  applySettingsOverrides,
  editableSettings,
  loadEffectiveConfig,
  loadSettingsOverrides,
  saveSettingsOverrides,
  settingsChanges,
  validateSettingsOverrides,
} from './settings-overrides.js';

const base = () => loadConfig({ env: {}, flags: { orgDomains: ['corp.example'], dataDir: '/data' } });

describe('validateSettingsOverrides', () => {
  it('accepts any subset, normalising case, spaces and duplicates', () => {
    const result = validateSettingsOverrides({ orgDomains: [' Corp.Example', 'corp.example'], groups: { finance: ['AP@corp.example', 'ap@corp.example'] }, vips: ['CEO@corp.example'] });
    expect(result).toEqual({ ok: true, overrides: { orgDomains: ['corp.example'], groups: { finance: ['ap@corp.example'] }, vips: ['ceo@corp.example'] } });
    expect(validateSettingsOverrides({})).toEqual({ ok: true, overrides: {} });
    expect(validateSettingsOverrides({ autonomy: 'active', quarantineRetentionDays: 3650 })).toEqual({ ok: true, overrides: { autonomy: 'active', quarantineRetentionDays: 3650 } });
    expect(validateSettingsOverrides({ messageRetentionDays: 1 })).toEqual({ ok: true, overrides: { messageRetentionDays: 1 } });
  });

  it('lists every problem at once', () => {
    const result = validateSettingsOverrides({
      orgDomains: ['not a domain'],
      groups: { finance: ['nobody'], '': ['a@corp.example'] },
      vips: ['x'],
      autonomy: 'aggressive',
      quarantineRetentionDays: 0,
      messageRetentionDays: 2.5,
      dataDir: '/elsewhere',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^orgDomains\.0: not a domain name/u),
        expect.stringMatching(/^groups\.finance\.0: not an email address/u),
        expect.stringMatching(/^groups/u),
        expect.stringMatching(/^vips\.0: not an email address/u),
        expect.stringMatching(/^autonomy: /u),
        expect.stringMatching(/^quarantineRetentionDays: at least 1 day/u),
        expect.stringMatching(/^messageRetentionDays: a whole number of days/u),
        expect.stringMatching(/^dataDir: not an editable setting/u),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(8);
    expect(validateSettingsOverrides({ quarantineRetentionDays: 3651 }).ok).toBe(false);
    expect(validateSettingsOverrides({ messageRetentionDays: 3651 }).ok).toBe(false);
    expect(validateSettingsOverrides({ messageRetentionDays: 0 }).ok).toBe(false);
    expect(validateSettingsOverrides('orgDomains').ok).toBe(false);
  });
});

describe('applying overrides', () => {
  it('replaces each given setting whole and leaves the rest', () => {
    const config = applySettingsOverrides({ ...base(), groups: { executives: ['ceo@corp.example'], finance: ['ap@corp.example'] } }, { groups: { sales: ['s@corp.example'] }, autonomy: 'active' });
    expect(config.groups).toEqual({ sales: ['s@corp.example'] });
    expect(config.autonomy).toBe('active');
    expect(config.orgDomains).toEqual(['corp.example']);
    expect(config.dataDir).toBe('/data');
  });

  it('reports only the settings that changed, before and after', () => {
    const before = base();
    const after = applySettingsOverrides(before, { vips: ['ceo@corp.example'], orgDomains: ['corp.example'] });
    expect(settingsChanges(before, after)).toEqual({ before: { vips: [] }, after: { vips: ['ceo@corp.example'] } });
    expect(editableSettings(after)).toEqual({ orgDomains: ['corp.example'], groups: {}, vips: ['ceo@corp.example'], autonomy: 'passive', quarantineRetentionDays: 30, messageRetentionDays: 30 });
  });
});

describe('stored overrides', () => {
  let dir: string;
  let store: Store;
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const open = async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'belong-settings-'));
    store = await openSqliteStore(path.join(dir, 'belong.db'));
  };

  it('round-trips through the store meta and lays over the config at start', async () => {
    await open();
    expect(await loadSettingsOverrides(store)).toEqual({});
    await saveSettingsOverrides(store, { quarantineRetentionDays: 7, messageRetentionDays: 90, groups: { finance: ['ap@corp.example'] } });
    expect(await loadSettingsOverrides(store)).toEqual({ quarantineRetentionDays: 7, messageRetentionDays: 90, groups: { finance: ['ap@corp.example'] } });
    const effective = await loadEffectiveConfig(base(), store);
    expect(effective).toMatchObject({ quarantineRetentionDays: 7, messageRetentionDays: 90, groups: { finance: ['ap@corp.example'] }, orgDomains: ['corp.example'] });
  });

  it('refuses a corrupted stored document instead of half-applying it', async () => {
    await open();
    await store.setMeta(SETTINGS_OVERRIDES_META, JSON.stringify({ quarantineRetentionDays: -1 }));
    await expect(loadSettingsOverrides(store)).rejects.toThrow(/quarantineRetentionDays/u);
    await store.setMeta(SETTINGS_OVERRIDES_META, '{oops');
    await expect(loadSettingsOverrides(store)).rejects.toThrow(/not JSON/u);
  });
});
