import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../engine/eval/manifest.js';
import { parseMessage } from '../mail/parse.js';
import { ATTACK_KINDS } from './attacks.js';
import { isValidIban } from './iban.js';
import { simulate } from './simulate.js';

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

let work: string;
let first: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'belong-sim-'));
  first = path.join(work, 'a');
  simulate({ out: first, seed: 7, scale: 'small' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('belong simulate', () => {
  it('is deterministic: the same seed writes byte-identical files, another seed differs', () => {
    const again = path.join(work, 'b');
    simulate({ out: again, seed: 7, scale: 'small' });
    const other = path.join(work, 'c');
    simulate({ out: other, seed: 8, scale: 'small' });
    const a = hashes(first);
    expect(hashes(again)).toEqual(a);
    expect(hashes(other)).not.toEqual(a);
  });

  it('writes a valid manifest: org line, existing paths, learn before test, every attack kind in test', () => {
    const manifest = readManifest(path.join(first, 'manifest.jsonl'));
    expect(manifest.problems).toEqual([]);
    expect(manifest.orgDomains).toEqual(['corvid-labs.example']);
    for (const entry of manifest.entries) expect(existsSync(entry.file)).toBe(true);
    const phases = manifest.entries.map((e) => e.phase);
    expect(phases.indexOf('test')).toBe(phases.lastIndexOf('learn') + 1);
    const attacks = manifest.entries.filter((e) => e.label === 'attack');
    expect(attacks.every((e) => e.phase === 'test')).toBe(true);
    expect(new Set(attacks.map((e) => e.kind))).toEqual(new Set(ATTACK_KINDS));
    const learn = manifest.entries.filter((e) => e.phase === 'learn').length;
    const legitTest = manifest.entries.filter((e) => e.phase === 'test' && e.label === 'legit').length;
    // Small scale is ~10% of the default (~4,000 learn + ~1,000 legit test).
    expect(learn).toBeGreaterThan(300);
    expect(learn).toBeLessThan(700);
    expect(legitTest).toBeGreaterThan(60);
    expect(legitTest).toBeLessThan(200);
    expect(attacks.length).toBe(ATTACK_KINDS.length * 2);
  });

  it('writes mail that parses cleanly, in date order, with trusted auth and real threads', async () => {
    const manifest = readManifest(path.join(first, 'manifest.jsonl'));
    const ids = new Set<string>();
    let previousDate = 0;
    let replies = 0;
    let repliesToKnown = 0;
    for (const entry of manifest.entries) {
      const message = await parseMessage(readFileSync(entry.file));
      expect(message.defects, entry.path).toEqual([]);
      expect(message.from?.address, entry.path).toMatch(/@/);
      expect(message.received.length).toBeGreaterThanOrEqual(2);
      const auth = message.headers.find((h) => h.name === 'authentication-results');
      expect(auth?.value.startsWith('mx.corvid-labs.example;')).toBe(true);
      expect(message.date).not.toBeNull();
      // Chronological within a few seconds (send times; Date headers carry the sender's offset).
      expect(message.date ?? 0).toBeGreaterThanOrEqual(previousDate - 1000);
      previousDate = message.date ?? 0;
      if (message.thread.inReplyTo) {
        replies += 1;
        if (ids.has(message.thread.inReplyTo)) repliesToKnown += 1;
      }
      if (message.messageId) ids.add(message.messageId);
    }
    expect(replies).toBeGreaterThan(50);
    // Legit replies always follow their parent; only fake replies point at unseen messages.
    expect(replies - repliesToKnown).toBeLessThanOrEqual(2);
  });

  it('gives vendors valid IBANs; the org has ~40 people and 3 executives', () => {
    const summary = simulate({ out: path.join(work, 'd'), seed: 3, scale: 'small' });
    for (const vendor of summary.org.vendors) expect(isValidIban(vendor.account?.iban ?? '')).toBe(true);
    expect(summary.org.people.length).toBeGreaterThanOrEqual(38);
    expect(summary.org.executives).toHaveLength(3);
  });
});
