// Every real-world and odd message we have parses without throwing, within the time budget,
// and within the limits: a hang guard and a limits check, not a speed test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpamAssassin, SPAMASSASSIN_SETS } from '../src/bench/spamassassin.js';
import * as L from '../src/mail/limits.js';
import { parseMessage, type ParsedMessage } from '../src/mail/parse.js';

const FIXTURES = fileURLToPath(new URL('../../shared/corpora/parser_fixtures', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function withinLimits(m: ParsedMessage): void {
  expect(m.headers.length).toBeLessThanOrEqual(L.MAX_HEADERS);
  for (const h of m.headers) expect(h.value.length).toBeLessThanOrEqual(L.MAX_HEADER_VALUE_CHARS);
  expect(m.links.length).toBeLessThanOrEqual(L.MAX_LINKS);
  expect(m.attachments.length).toBeLessThanOrEqual(L.MAX_ATTACHMENTS);
  expect(m.text.length).toBeLessThanOrEqual(L.MAX_TEXT_CHARS);
  expect((m.html ?? '').length).toBeLessThanOrEqual(L.MAX_HTML_CHARS);
  expect(m.to.length).toBeLessThanOrEqual(L.MAX_RECIPIENTS);
  expect(m.cc.length).toBeLessThanOrEqual(L.MAX_RECIPIENTS);
  expect(m.received.length).toBeLessThanOrEqual(L.MAX_RECEIVED_HOPS);
  expect(m.digest).toMatch(/^[0-9a-f]{64}$/);
}

async function parseAll(messages: Array<{ id: string; raw: Buffer }>): Promise<ParsedMessage[]> {
  const slow: string[] = [];
  const out: ParsedMessage[] = [];
  for (const { id, raw } of messages) {
    const start = performance.now();
    const m = await parseMessage(raw);
    const ms = performance.now() - start;
    if (ms > L.PARSE_TIME_BUDGET_MS) slow.push(`${id}: ${ms.toFixed(0)} ms`);
    withinLimits(m);
    expect(m.size).toBe(raw.length);
    out.push(m);
  }
  expect(slow).toEqual([]);
  return out;
}

describe('parser corpus', () => {
  it('parses every parser fixture', async () => {
    const files = walk(FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    await parseAll(files.map((path) => ({ id: path, raw: readFileSync(path) })));
  });

  for (const set of SPAMASSASSIN_SETS) {
    it(`parses every SpamAssassin ${set} message`, async () => {
      const messages = loadSpamAssassin(set);
      expect(messages.length).toBeGreaterThan(200);
      const parsed = await parseAll(messages);
      // Nearly every message in this corpus has a From header; a parser regression shows up here.
      const withFrom = parsed.filter((m) => m.from?.address.includes('@')).length;
      expect(withFrom / parsed.length).toBeGreaterThan(0.97);
    });
  }
});
