import { describe, expect, it } from 'vitest';
import { headerBlockEnd, looksLikeEmailHead, readHeaderFields } from './email-head.js';

const b = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('looksLikeEmailHead', () => {
  it('accepts a header block, with or without an mbox From_ line, LF or CRLF', () => {
    expect(looksLikeEmailHead(b('Return-Path: <a@b>\nFrom: a@b\n\nbody'))).toBe(true);
    expect(looksLikeEmailHead(b('From a@b Mon May  2 16:07:05 2005\r\nSubject: x\r\n\r\n'))).toBe(true);
    expect(looksLikeEmailHead(b('\xef\xbb\xbfSubject: with a BOM\n\n'))).toBe(true);
  });

  it('accepts obsolete syntax with blanks before the colon (RFC 5322 §4.5.3)', () => {
    expect(looksLikeEmailHead(b('From  : John Doe <jdoe@example>\nTo    : Mary\n'))).toBe(true);
  });

  it('rejects prose, markdown, empty and binary files', () => {
    expect(looksLikeEmailHead(b('Copyright (c) 2009 Someone\n\nPermission is hereby granted: yes'))).toBe(false);
    expect(looksLikeEmailHead(b('- mikel_mail/: github:mikel/mail\n'))).toBe(false);
    expect(looksLikeEmailHead(b(''))).toBe(false);
    expect(looksLikeEmailHead(Buffer.from([0x53, 0x75, 0x62, 0x3a, 0x00, 0x01]))).toBe(false);
  });
});

describe('readHeaderFields', () => {
  it('unfolds continuation lines and stops at the blank line', () => {
    const head = b('Subject: one\r\n two\r\nDate: x\r\n\r\nNot: a header\r\n');
    expect(headerBlockEnd(head)).toBe(head.indexOf('Not:'));
    expect(readHeaderFields(head)).toEqual([{ name: 'subject', value: 'one two' }, { name: 'date', value: 'x' }]);
  });
});
