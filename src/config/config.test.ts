import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BelongError } from '../errors.js';
import { loadConfig } from './config.js';
import { loadPolicy } from './policy-file.js';

const dirs: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'belong-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('has working defaults with nothing set', () => {
    const config = loadConfig({ env: {}, configFile: undefined });
    expect(config).toMatchObject({ dataDir: './data', dbPath: path.join('./data', 'belong.db'), orgDomains: [] });
  });

  it('takes flag over environment over file over default', () => {
    const dir = tmp();
    const file = path.join(dir, 'belong.config.json');
    writeFileSync(file, JSON.stringify({ dataDir: '/from-file', orgDomains: ['file.example'], policy: '/file-policy.json' }));
    const env = { BELONG_DATA_DIR: '/from-env', BELONG_ORG_DOMAINS: 'env.example, second.example' };
    const config = loadConfig({ configFile: file, env, flags: { dataDir: '/from-flag' } });
    expect(config.dataDir).toBe('/from-flag');
    expect(config.orgDomains).toEqual(['env.example', 'second.example']);
    expect(config.policy).toBe('/file-policy.json');
    expect(config.dbPath).toBe(path.join('/from-flag', 'belong.db'));
  });

  it('keeps message content 30 days by default; BELONG_MESSAGE_RETENTION_DAYS changes it within 1..3650', () => {
    expect(loadConfig({ env: {} }).messageRetentionDays).toBe(30);
    expect(loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '7' } }).messageRetentionDays).toBe(7);
    expect(() => loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '0' } })).toThrow(/messageRetentionDays/u);
    expect(() => loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '3651' } })).toThrow(/messageRetentionDays/u);
    expect(() => loadConfig({ env: { BELONG_MESSAGE_RETENTION_DAYS: '1.5' } })).toThrow(/messageRetentionDays/u);
  });

  it('takes named groups and VIPs from the file or the environment (groups as JSON)', () => {
    const file = path.join(tmp(), 'belong.config.json');
    writeFileSync(file, JSON.stringify({ groups: { executives: ['CEO@Example.org'] }, vips: ['cfo@example.org'] }));
    expect(loadConfig({ configFile: file, env: {} })).toMatchObject({ groups: { executives: ['ceo@example.org'] }, vips: ['cfo@example.org'] });
    const fromEnv = loadConfig({ env: { BELONG_GROUPS: '{"finance":["ap@example.org"]}', BELONG_VIPS: 'a@example.org, b@example.org' } });
    expect(fromEnv).toMatchObject({ groups: { finance: ['ap@example.org'] }, vips: ['a@example.org', 'b@example.org'] });
    expect(() => loadConfig({ env: { BELONG_GROUPS: 'not json' } })).toThrow(/groups/);
  });

  it('refuses a bad config listing every problem at once', () => {
    const dir = tmp();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ orgDomains: ['not a domain'], databaseUrl: 'mysql://x', colour: 'blue' }));
    let error: unknown;
    try {
      loadConfig({ configFile: file, env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BelongError);
    const message = (error as BelongError).message;
    expect(message).toMatch(/orgDomains\.0: not a domain name/);
    expect(message).toMatch(/databaseUrl: must start with postgres:\/\//);
    expect(message).toMatch(/colour/);
  });

  it('names a config file that is not JSON', () => {
    const file = path.join(tmp(), 'broken.json');
    writeFileSync(file, '{ nope');
    expect(() => loadConfig({ configFile: file, env: {} })).toThrow(/not a JSON object/);
  });
});

describe('loadPolicy', () => {
  it('accepts the shipped default policy', () => {
    const policy = loadPolicy();
    expect(policy.signals.FIRST_CONTACT_RECIPIENT?.weight).toBeGreaterThan(0);
    expect(policy.signals.SOLICITED?.weight).toBeLessThan(0);
  });

  it('refuses a policy with problems, listing them all', () => {
    const file = path.join(tmp(), 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, signals: { lower_case: { weight: 3 } }, tags: [], delivery: [{ action: 'explode', minScore: 50 }], links: [], attachments: [] }),
    );
    expect(() => loadPolicy(file)).toThrow(/signals\.lower_case: Invalid key[\s\S]*delivery\.0\.action: Invalid option/);
  });

  it('refuses a tag built on a signal without a weight', () => {
    const file = path.join(tmp(), 'policy.json');
    writeFileSync(file, JSON.stringify({ version: 1, signals: {}, tags: [{ name: 'X', severity: 'low', category: 'content', anyOf: ['NO_SUCH_SIGNAL'], minStrength: 0.5 }], delivery: [], links: [], attachments: [] }));
    expect(() => loadPolicy(file)).toThrow(/NO_SUCH_SIGNAL has no weight/);
  });
});
