import { describe, expect, it } from 'vitest';
import { headerDate, redate, WEEK_MS, weeksToReach } from './redate.js';

const message = [
  'Received: from mx.example.org (mx.example.org [198.18.0.25])',
  ' by store.example.org with LMTP; Thu, 03 Jul 2025',
  ' 07:47:10 +0000',
  'From: Ann <ann@example.org>',
  'Date: Thu, 03 Jul 2025 07:47:04 +0200',
  'Message-ID: <abc@example.org>',
  'Subject: Meeting on Thu, 03 Jul 2025 07:47:04 +0000',
  '',
  'See you Thu, 03 Jul 2025 07:47:04 +0000.',
  '',
].join('\r\n');

describe('redate', () => {
  it('shifts every header date by whole weeks, keeping weekday, time, zone and folding', () => {
    const out = redate(Buffer.from(message), { shiftMs: 2 * WEEK_MS }).toString();
    expect(out).toContain(' by store.example.org with LMTP; Thu, 17 Jul 2025\r\n 07:47:10 +0000');
    expect(out).toContain('Date: Thu, 17 Jul 2025 07:47:04 +0200');
    // Headers are shifted wherever a date appears in them; the body never changes.
    expect(out).toContain('See you Thu, 03 Jul 2025 07:47:04 +0000.');
    expect(headerDate(Buffer.from(out))).toBe(Date.parse('2025-07-17T05:47:04Z'));
  });

  it('moves across month and year ends and backwards', () => {
    const out = redate(Buffer.from('Date: Wed, 31 Dec 2025 23:59:59 +0000\n\nbody\n'), { shiftMs: 86_400_000 }).toString();
    expect(out).toBe('Date: Thu, 01 Jan 2026 23:59:59 +0000\n\nbody\n');
    const back = redate(Buffer.from(out), { shiftMs: -86_400_000 }).toString();
    expect(back).toBe('Date: Wed, 31 Dec 2025 23:59:59 +0000\n\nbody\n');
  });

  it('replaces the Message-ID, or adds one, and leaves 8-bit bytes alone', () => {
    const out = redate(Buffer.from(message), { shiftMs: 0, messageId: 'new-1@demo.example' }).toString();
    expect(out).toContain('Message-ID: <new-1@demo.example>\r\n');
    expect(out).not.toContain('abc@example.org');
    const bare = redate(Buffer.from('Subject: x\n\nbody\n'), { shiftMs: 0, messageId: 'n@x' }).toString();
    expect(bare).toBe('Message-ID: <n@x>\nSubject: x\n\nbody\n');
    const eightBit = Buffer.concat([Buffer.from('Subject: caf'), Buffer.from([0xc3, 0xa9]), Buffer.from('\n\n'), Buffer.from([0xff, 0x00, 0x80])]);
    expect(redate(eightBit, { shiftMs: WEEK_MS }).equals(eightBit)).toBe(true);
  });

  it('reads the Date header, null when missing or unreadable', () => {
    expect(headerDate(Buffer.from('Subject: x\n\nDate: Thu, 03 Jul 2025 07:47:04 +0000\n'))).toBeNull();
    expect(headerDate(Buffer.from('Date: not a date\n\n'))).toBeNull();
  });

  it('rounds shifts up to whole weeks, never backwards', () => {
    expect(weeksToReach(0, 1)).toBe(WEEK_MS);
    expect(weeksToReach(0, WEEK_MS)).toBe(WEEK_MS);
    expect(weeksToReach(0, 3 * WEEK_MS + 5)).toBe(4 * WEEK_MS);
    expect(weeksToReach(10, 5)).toBe(0);
  });
});
