import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors.js';
import { collectMessages } from './collect.js';
import type { SourceProblem } from './types.js';

// Resolved from this file so the working directory does not matter.
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/sources/', import.meta.url));
const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));

const rel = (path: string): string => relative(FIXTURES, path);
const codes = (problems: SourceProblem[]): [string, string][] => problems.map((p) => [rel(p.subject), p.error.code]);

describe('collectMessages on fixtures', () => {
  it('walks a tree in date order: Date, then earliest Received, undated last; skips dotfiles; reports non-mail', async () => {
    const { items, problems } = await collectMessages([join(FIXTURES, 'tree')]);
    expect(items.map((i) => rel(i.origin))).toEqual([
      'tree/nested/2021-jan.eml',
      'tree/nested/deeper/received-only-2022.eml',
      'tree/2023-may.eml',
      'tree/no-date.eml',
    ]);
    expect(items.map((i) => (i.date === null ? null : new Date(i.date).toISOString()))).toEqual([
      '2021-01-01T08:00:00.000Z', '2022-03-01T13:30:00.000Z', '2023-05-01T09:00:00.000Z', null,
    ]);
    expect(codes(problems)).toEqual([
      ['tree/nested/binary-not-email.png', ERROR_CODES.NOT_AN_EMAIL],
      ['tree/nested/notes.txt', ERROR_CODES.NOT_AN_EMAIL],
    ]);
    expect((await items[0]?.load())?.toString()).toContain('Subject: first by date');
  });

  it("order 'given' keeps the walk order (sorted names)", async () => {
    const { items } = await collectMessages([join(FIXTURES, 'tree')], { order: 'given' });
    expect(items.map((i) => rel(i.origin))[0]).toBe('tree/2023-may.eml');
  });

  it('reads a Maildir from cur/ and new/, skipping tmp/ and index files', async () => {
    const { items, problems } = await collectMessages([join(FIXTURES, 'maildir')]);
    expect(items.map((i) => rel(i.origin))).toEqual([
      'maildir/cur/1672531200.M1P100.mailhost,S=200:2,S',
      'maildir/new/1672617600.M2P100.mailhost',
    ]);
    expect(problems).toEqual([]);
  });

  it('splits an mbox into records, unescapes >From, reports the broken record and goes on', async () => {
    const mbox = join(FIXTURES, 'mbox/three-records-one-broken.mbox');
    const { items, problems } = await collectMessages([mbox]);
    expect(items.map((i) => rel(i.origin))).toEqual(['mbox/three-records-one-broken.mbox#3', 'mbox/three-records-one-broken.mbox#1']);
    expect(codes(problems)).toEqual([['mbox/three-records-one-broken.mbox#2', ERROR_CODES.MBOX_RECORD]]);
    const first = (await items[1]?.load())?.toString() ?? '';
    expect(first.startsWith('From: Alice')).toBe(true);
    expect(first).toContain('\nFrom the start this was escaped.\n>From a doubly quoted line.\nBye.\n');
    expect(first.endsWith('Bye.\n')).toBe(true);
    expect((await items[0]?.load())?.toString().endsWith('Body of record 3.\n')).toBe(true);
  });

  it('names a missing path and carries on with the others', async () => {
    const missing = join(FIXTURES, 'no-such-file.eml');
    const { items, problems } = await collectMessages([missing, join(FIXTURES, 'tree/2023-may.eml')]);
    expect(items).toHaveLength(1);
    expect(problems.map((p) => [p.subject, p.error.code])).toEqual([[missing, ERROR_CODES.PATH_NOT_FOUND]]);
    expect(problems[0]?.error.subject).toBe(missing);
  });
});

describe('collectMessages on temporary files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'belong-sources-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('splits a CRLF mbox the same way as an LF one', async () => {
    const lf = await readFile(join(FIXTURES, 'mbox/three-records-one-broken.mbox'), 'latin1');
    const path = join(dir, 'crlf.mbox');
    await writeFile(path, lf.replace(/\n/g, '\r\n'), 'latin1');
    const { items, problems } = await collectMessages([path]);
    expect(items.map((i) => i.origin)).toEqual([`${path}#3`, `${path}#1`]);
    expect(problems.map((p) => p.subject)).toEqual([`${path}#2`]);
    expect((await items[1]?.load())?.toString()).toContain('\r\nFrom the start this was escaped.\r\n');
  });

  it('reports an empty mbox record', async () => {
    const path = join(dir, 'empty-record.mbox');
    await writeFile(path, 'From a x\n\nFrom b y\nSubject: ok\n\nbody\n');
    const { items, problems } = await collectMessages([path]);
    expect(items.map((i) => i.origin)).toEqual([`${path}#2`]);
    expect(problems.map((p) => [p.subject, p.error.code, p.error.message])).toEqual([[`${path}#1`, ERROR_CODES.MBOX_RECORD, 'empty mbox record']]);
  });

  it('reports files over the size limit as TOO_LARGE', async () => {
    const path = join(dir, 'big.eml');
    await writeFile(path, `Subject: big\n\n${'x'.repeat(2000)}\n`);
    const { items, problems } = await collectMessages([path], { limits: { maxMessageBytes: 1000 } });
    expect(items).toEqual([]);
    expect(problems.map((p) => p.error.code)).toEqual([ERROR_CODES.TOO_LARGE]);
  });

  const root = process.getuid?.() === 0;
  it(`reports an unreadable file as PATH_UNREADABLE${root ? ' (running as root: chmod 000 does not stop reading, so only checks it does not throw)' : ''}`, async () => {
    const path = join(dir, 'locked.eml');
    await writeFile(path, 'Subject: locked\n\nbody\n');
    await chmod(path, 0o000);
    const { items, problems } = await collectMessages([path]);
    if (root) {
      expect(items.length + problems.length).toBe(1);
    } else {
      expect(items).toEqual([]);
      expect(problems.map((p) => [p.subject, p.error.code])).toEqual([[path, ERROR_CODES.PATH_UNREADABLE]]);
    }
  });
});

describe('collectMessages on the shared corpora', () => {
  it('collects all 5,429 lore linux-watchdog messages, date-ordered, with no problems', async () => {
    const { items, problems } = await collectMessages([join(CORPORA, 'lore_linux_watchdog/msgs')]);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(5429);
    expect(items.every((i) => i.date !== null)).toBe(true);
    for (let i = 1; i < items.length; i++) expect((items[i]?.date ?? 0) >= (items[i - 1]?.date ?? 0)).toBe(true);
  });

  it('collects the parser fixtures without throwing: dotfiles skipped, non-mail reported', async () => {
    const base = join(CORPORA, 'parser_fixtures');
    const { items, problems } = await collectMessages([base]);
    expect(items.length).toBeGreaterThanOrEqual(100);
    const reported = problems.map((p) => [relative(base, p.subject), p.error.code]);
    expect(reported).toEqual(expect.arrayContaining([
      ['SOURCE.md', ERROR_CODES.NOT_AN_EMAIL],
      ['mikel_mail/MIT-LICENSE', ERROR_CODES.NOT_AN_EMAIL],
    ]));
    expect(problems.every((p) => p.error.code === ERROR_CODES.NOT_AN_EMAIL)).toBe(true);
    expect([...items, ...problems.map((p) => ({ origin: p.subject }))].some((x) => x.origin.endsWith('.gitattributes'))).toBe(false);
  });
});
