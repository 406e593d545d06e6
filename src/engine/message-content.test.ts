import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import type { Message } from '../core/message.js';
import { CONTENT_LIMITS } from '../store/message-content.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { Engine } from './engine.js';
import { messageContentOf } from './message-content.js';
import { readMessage } from './read-message.js';

const RAW = [
  'From: Alice <alice@vendor.example>',
  'To: bob@example.org',
  'Subject: Invoice',
  'Message-ID: <inv-1@vendor.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/alternative; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Please pay https://pay.vendor.example/inv/1',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Please <a href="https://evil.example/pay">pay.vendor.example</a></p>',
  '--b2--',
  '--b1',
  'Content-Type: application/pdf; name="inv.pdf"',
  'Content-Disposition: attachment; filename="inv.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 not really').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

const read = () => readMessage(Buffer.from(RAW), { orgDomains: ['example.org'], trustedAuthservIds: [], resolver: null });

describe('messageContentOf', () => {
  it('keeps headers, both bodies, links, attachments and authentication of an ordinary message whole', async () => {
    const message = await read();
    const content = messageContentOf(message);
    expect(content.truncated).toBe(false);
    expect(content.headers).toContainEqual({ name: 'subject', value: 'Invoice' });
    expect(content.text).toContain('Please pay');
    expect(content.html).toContain('<a href="https://evil.example/pay">');
    expect(content.links).toContainEqual(expect.objectContaining({ href: 'https://evil.example/pay', host: 'evil.example', textDomain: 'vendor.example', source: 'html' }));
    expect(content.attachments).toEqual([expect.objectContaining({ filename: 'inv.pdf', declaredType: 'application/pdf', detectedType: 'application/pdf', disposition: 'attachment', traits: [] })]);
    expect(content.auth).toEqual({ ...message.auth });
  });

  it('cuts every part to CONTENT_LIMITS and says so', async () => {
    const message = await read();
    const link = message.links[0]!;
    const attachment = message.attachments[0]!;
    const huge: Message = {
      ...message,
      headers: Array.from({ length: CONTENT_LIMITS.headers + 5 }, (_, i) => ({ name: `x-h${i}`, value: 'v'.repeat(CONTENT_LIMITS.headerValueChars + 10) })),
      text: 't'.repeat(CONTENT_LIMITS.textChars + 1),
      html: 'h'.repeat(CONTENT_LIMITS.htmlChars + 1),
      links: Array.from({ length: CONTENT_LIMITS.links + 1 }, () => link),
      attachments: Array.from({ length: CONTENT_LIMITS.attachments + 1 }, () => attachment),
    };
    const content = messageContentOf(huge);
    expect(content.truncated).toBe(true);
    expect(content.headers).toHaveLength(CONTENT_LIMITS.headers);
    expect(content.headers[0]?.value).toHaveLength(CONTENT_LIMITS.headerValueChars);
    expect(content.text).toHaveLength(CONTENT_LIMITS.textChars);
    expect(content.html).toHaveLength(CONTENT_LIMITS.htmlChars);
    expect(content.links).toHaveLength(CONTENT_LIMITS.links);
    expect(content.attachments).toHaveLength(CONTENT_LIMITS.attachments);
  });

  it('flags a single overlong part, and never leaves half a surrogate pair at the cut', async () => {
    const message = await read();
    const text = `${'a'.repeat(CONTENT_LIMITS.textChars - 1)}😀tail`;
    const content = messageContentOf({ ...message, text });
    expect(content.truncated).toBe(true);
    expect(content.text).toBe('a'.repeat(CONTENT_LIMITS.textChars - 1));
    expect(messageContentOf({ ...message, html: null }).html).toBeNull();
  });

  it('is saved with the verdict by Engine.process (the path gateway mail takes)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-mc-'));
    const store = await openSqliteStore(path.join(dir, 'belong.db'));
    try {
      const engine = new Engine({ store, org: { domains: ['example.org'] }, policy: loadPolicy(), trustedAuthservIds: [], resolver: null });
      const { message, verdict } = await engine.process(Buffer.from(RAW), { now: Date.UTC(2026, 5, 1) });
      expect(await store.getMessageContent(verdict.id)).toEqual(messageContentOf(message));
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
