import { describe, expect, it } from 'vitest';
import { dateFromHead, parseMailDate } from './mail-date.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('parseMailDate', () => {
  it.each([
    ['Sat, 1 Jan 2022 11:29:23 +0100 (CET)', '2022-01-01T10:29:23.000Z'],
    ['1 Jan 2022 11:29 +0100', '2022-01-01T10:29:00.000Z'],
    ['Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)', '1969-02-14T03:02:00.000Z'],
    ['Fri, 21 Nov 1997 09(comment):   55  :  06 -0600', '1997-11-21T15:55:06.000Z'],
    ['Tue, 7 Mar 23 10:00:00 EST', '2023-03-07T15:00:00.000Z'],
    ['Tue, 07 Mar 99 10:00:00 GMT', '1999-03-07T10:00:00.000Z'],
    ['Mon May  2 16:07:05 2005', '2005-05-02T16:07:05.000Z'],
    ['2023-03-07T10:00:00+02:00', '2023-03-07T08:00:00.000Z'],
    ['7 Mar 2023 10:00:00', '2023-03-07T10:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(iso(parseMailDate(text))).toBe(expected);
  });

  it('returns null for garbage and impossible times', () => {
    expect(parseMailDate('')).toBeNull();
    expect(parseMailDate('yesterday')).toBeNull();
    expect(parseMailDate('Wed, 15 Dec 2010    59:10 -0500')).toBeNull();
  });
});

describe('dateFromHead', () => {
  it('falls back to the earliest (last) Received when Date is missing or broken', () => {
    const head = Buffer.from(
      'Received: by b; Wed, 2 Mar 2022 12:00:00 +0000\nReceived: by a;\n Tue, 1 Mar 2022 08:30:00 -0500\nDate: soon\n\n',
    );
    expect(iso(dateFromHead(head))).toBe('2022-03-01T13:30:00.000Z');
  });

  it('ignores a Date line in the body', () => {
    expect(dateFromHead(Buffer.from('Subject: x\n\nDate: Tue, 7 Mar 2023 10:00:00 +0000\n'))).toBeNull();
  });
});
