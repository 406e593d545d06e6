import { describe, expect, it } from 'vitest';
import { prependHeaders, stripBelongHeaders } from './headers.js';
import { isOrgRecipient } from './smtp-inbound.js';

describe('relay headers', () => {
  it('prepends without touching the original bytes and cannot be split by CR/LF', () => {
    const raw = Buffer.from('Subject: hi\r\n\r\nbody \xff\r\n', 'latin1');
    const out = prependHeaders(raw, [['X-Belong-Tags', 'a\r\nBcc: evil@x.test']]);
    expect(out.toString('latin1')).toBe('X-Belong-Tags: a Bcc: evil@x.test\r\nSubject: hi\r\n\r\nbody \xff\r\n');
  });

  it('strips forged X-Belong headers (with folded lines) from the header section only', () => {
    const raw = Buffer.from('X-Belong-Score: 0\r\n folded\r\nSubject: s\r\n\r\nX-Belong-Score: in body\r\n');
    expect(stripBelongHeaders(raw).toString()).toBe('Subject: s\r\n\r\nX-Belong-Score: in body\r\n');
  });
});

describe('recipient domains', () => {
  it('accepts the org domains and their subdomains only', () => {
    expect(isOrgRecipient('a@Example.org', ['example.org'])).toBe(true);
    expect(isOrgRecipient('a@mail.example.org', ['example.org'])).toBe(true);
    expect(isOrgRecipient('a@notexample.org', ['example.org'])).toBe(false);
    expect(isOrgRecipient('a@example.org.evil.test', ['example.org'])).toBe(false);
  });
});
