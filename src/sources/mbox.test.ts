import { describe, expect, it } from 'vitest';
import { isMboxHead, splitMbox, unescapeFromLines } from './mbox.js';

const records = (text: string): string[] => {
  const buf = Buffer.from(text, 'latin1');
  return splitMbox(buf).map((r) => unescapeFromLines(buf.subarray(r.start, r.end)).toString('latin1'));
};

describe('mbox', () => {
  it('recognises From_ lines but not a "From :" header', () => {
    expect(isMboxHead(Buffer.from('From a@b Mon May  2 16:07:05 2005\n'))).toBe(true);
    expect(isMboxHead(Buffer.from('From  : John <j@example>\n'))).toBe(false);
    expect(isMboxHead(Buffer.from('From: j@example\n'))).toBe(false);
  });

  it('splits only on From_ lines after a blank line, LF', () => {
    const text = 'From a x\nSubject: 1\n\nbody\nFrom inside a paragraph\n\nFrom b y\nSubject: 2\n\nbody 2\n\n';
    expect(records(text)).toEqual(['Subject: 1\n\nbody\nFrom inside a paragraph\n', 'Subject: 2\n\nbody 2\n']);
  });

  it('splits CRLF mboxes and keeps CRLF inside the records', () => {
    const text = 'From a x\r\nSubject: 1\r\n\r\nbody\r\n\r\nFrom b y\r\nSubject: 2\r\n\r\nbody 2\r\n';
    expect(records(text)).toEqual(['Subject: 1\r\n\r\nbody\r\n', 'Subject: 2\r\n\r\nbody 2\r\n']);
  });

  it('unescapes >From (mboxrd: one level per line)', () => {
    const out = unescapeFromLines(Buffer.from('A: 1\n\n>From here\n>>From there\n> From not\n'));
    expect(out.toString()).toBe('A: 1\n\nFrom here\n>From there\n> From not\n');
  });
});
