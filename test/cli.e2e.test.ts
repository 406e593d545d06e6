import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticOrg, type SyntheticOrg } from './helpers/synthetic-org.js';

/** End-to-end through the built binary, as a user runs it (`npm test` builds first). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'belong.js');

function belong(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BELONG_ORG_DOMAINS: '', BELONG_DATA_DIR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
let org: SyntheticOrg;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first (npm test does)');
  work = mkdtempSync(path.join(os.tmpdir(), 'belong-e2e-'));
  org = writeSyntheticOrg(path.join(work, 'org'));
});
// Every child ran with spawnSync, so nothing writes into the work dir any more.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('belong eval (the evaluation contract)', () => {
  it('detects the attacks, leaves legitimate mail alone, and writes verdicts', () => {
    const verdicts = path.join(work, 'verdicts.jsonl');
    const run = belong(['eval', org.manifest, '--json', '--verdicts', verdicts], work);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ learned: 300, scored: 5, unreadable: 0, orgDomains: ['example.org'] });
    expect(report.attacks.spoof.detected.share).toBe(1);
    expect(report.attacks.bec.detected.share).toBe(1);
    expect(report.legit).toMatchObject({ total: 3, held: { count: 0 }, junked: { count: 0 }, tagged: { count: 0 } });
    const lines = readFileSync(verdicts, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    const spoof = lines.find((l) => l.kind === 'spoof');
    expect(spoof.tags).toContain('Spoof');
    expect(spoof.signals.map((s: { id: string }) => s.id)).toContain('AUTH_FAIL_KNOWN_DOMAIN');
    const bec = lines.find((l) => l.kind === 'bec');
    expect(bec.tags).toEqual(expect.arrayContaining(['First Contact', 'New Domain', 'Reply-To Divergence']));
    for (const key of ['path', 'verdictId', 'score', 'tags', 'actions', 'reason', 'narrative', 'signals']) expect(bec).toHaveProperty(key);
  });

  it('prints a readable text summary', () => {
    const run = belong(['eval', org.manifest], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spoof\s+100\.00% \(1\) of 1/);
    expect(run.stdout).toMatch(/held\s+0\.00% \(0\)/);
    expect(run.stdout).toMatch(/latency per message \(ms\): p50/);
  });

  it('reports a bad manifest line and a missing file, and goes on', () => {
    const manifest = path.join(org.dir, 'partly-bad.jsonl');
    const good = readFileSync(org.manifest, 'utf8');
    writeFileSync(manifest, `${good}not json\n{"path":"mail/none.eml","phase":"test","label":"legit"}\n`);
    const run = belong(['eval', manifest, '--json'], work);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/partly-bad\.jsonl:\d+: not valid JSON/);
    expect(run.stderr).toMatch(/none\.eml/);
    expect(JSON.parse(run.stdout).scored).toBe(5);
  });
});

describe('belong learn / scan', () => {
  it('learns a folder, then scans without learning, as a table and as JSON lines', () => {
    const db = path.join(work, 'scan.db');
    const learn = belong(['learn', path.join(org.dir, 'mail'), '--db', db, '--org-domain', 'example.org'], work);
    expect(learn.code).toBe(0);
    expect(learn.stderr).toMatch(/organisation domains: example\.org \(configured\)/);
    expect(learn.stderr).toMatch(/learned 305 of 305 messages/);

    const attack = path.join(work, 'attack.eml');
    writeFileSync(
      attack,
      'From: Boss <boss@ev1l.example>\r\nTo: alice@example.org\r\nReply-To: cash@drop.example\r\nSubject: quick favour\r\nDate: Mon, 15 Apr 2024 10:00:00 +0000\r\n\r\nAre you at your desk?\r\n',
    );
    const table = belong(['scan', attack, '--db', db], work);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/SCORE\s+ACTION\s+TAGS/);
    expect(table.stdout).toMatch(/attack\.eml/);
    expect(table.stderr).toMatch(/example\.org \(as learned before\)/);

    const json = belong(['scan', attack, '--db', db, '--json'], work);
    const verdict = JSON.parse(json.stdout.trim());
    expect(verdict.tags).toEqual(expect.arrayContaining(['First Contact', 'New Domain', 'Reply-To Divergence']));
    expect(verdict.score).toBeGreaterThan(50);

    // Scanning did not learn: the same message scores the same again.
    expect(JSON.parse(belong(['scan', attack, '--db', db, '--json'], work).stdout.trim()).score).toBe(verdict.score);
  });

  it('infers the organisation when not told, and says so', () => {
    const run = belong(['learn', path.join(org.dir, 'mail'), '--db', path.join(work, 'infer.db')], work);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/organisation domains: example\.org \(inferred from recipients/);
  });

  it('names each unreadable input and goes on (exit 0 while anything was read); never a stack trace', () => {
    const notMail = path.join(work, 'picture.bin');
    writeFileSync(notMail, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const run = belong(['learn', path.join(work, 'nope'), notMail, path.join(org.dir, 'mail', '0001.eml'), '--db', path.join(work, 'partial.db'), '--org-domain', 'example.org'], work);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/nope.*BELONG_E_PATH_NOT_FOUND/);
    expect(run.stderr).toMatch(/picture\.bin.*BELONG_E_NOT_AN_EMAIL/);
    expect(run.stderr).toMatch(/learned 1 of 1 messages/);
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const nothing = belong(['scan', path.join(work, 'nope'), notMail, '--db', path.join(work, 'partial.db')], work);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/scanned 0 of 0 messages/);
  });

  it('refuses a bad configuration at start-up with exit code 2, listing every problem', () => {
    const config = path.join(work, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ orgDomains: ['bad domain'], databaseUrl: 'mysql://nope' }));
    const run = belong(['learn', org.dir, '--config', config], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/orgDomains\.0: not a domain name/);
    expect(run.stderr).toMatch(/databaseUrl: must start with postgres/);
  });

  it('exits 2 on a usage error', () => {
    expect(belong(['scan'], work).code).toBe(2);
    expect(belong(['no-such-command'], work).code).toBe(2);
  });
});
