import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptReleased, releasedDir, writeReleased } from './released-spool.js';

const envelope = { mailFrom: 'a@x.test', rcptTo: ['b@example.org'], clientIp: null, helo: null };
const raw = Buffer.from('Subject: hi\r\n\r\nbody\r\n');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe('released mail hand-off', () => {
  it('moves a released pair into the spool as a `released` record, bytes untouched', async () => {
    const spool = tempDir('belong-rel-');
    await writeReleased(spool, { id: 'r1', receivedAt: 5, envelope, verdictId: 'v1', raw });
    expect(readdirSync(spool)).toEqual(['released']);
    const [record] = await adoptReleased(spool);
    expect(record).toMatchObject({ id: 'r1', state: 'released', released: true, delivery: 'deliver', pending: ['b@example.org'], verdictId: 'v1', headers: [] });
    expect(readFileSync(path.join(spool, 'r1.eml'))).toEqual(raw);
    expect(existsSync(path.join(spool, 'r1.json'))).toBe(true);
    expect(readdirSync(releasedDir(spool))).toEqual([]);
    expect(await adoptReleased(spool)).toEqual([]);
  });

  it('finishes a pair whose bytes an interrupted adoption already moved, and ignores a pair still being written', async () => {
    const spool = tempDir('belong-rel-');
    await writeReleased(spool, { id: 'r2', receivedAt: 5, envelope, verdictId: 'v2', raw });
    renameSync(path.join(releasedDir(spool), 'r2.eml'), path.join(spool, 'r2.eml'));
    await writeReleased(spool, { id: 'r3', receivedAt: 6, envelope, verdictId: 'v3', raw });
    renameSync(path.join(releasedDir(spool), 'r3.json'), path.join(releasedDir(spool), 'r3.json.tmp'));
    expect((await adoptReleased(spool)).map((r) => r.id)).toEqual(['r2']);
    expect(existsSync(path.join(spool, 'r2.json'))).toBe(true);
    expect(existsSync(path.join(spool, 'r3.eml'))).toBe(false);
    expect(await adoptReleased(tempDir('belong-rel-none-'))).toEqual([]);
  });
});
