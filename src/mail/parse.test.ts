import { describe, expect, it } from 'vitest';
import { MAX_LINKS, MAX_MESSAGE_BYTES } from './limits.js';
import { looksLikeEmail, parseMessage } from './parse.js';

const msg = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseMessage', () => {
  it('decodes encoded-word display names, IDN domains, reply-to and thread headers', async () => {
    const m = await parseMessage(
      msg([
        'From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <Juergen@Mail.XN--BCHER-KVA.DE>',
        'Reply-To: "Payments" <pay@evil.example.com>',
        'To: a@acme.co.uk, Group: b@acme.co.uk, c@acme.co.uk;',
        'Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=',
        'Date: Mon, 17 Sep 2001 07:56:52 -0700 (PDT)',
        'Message-ID: <abc@x>',
        'In-Reply-To: <parent@x>',
        'References: <root@x> <parent@x>',
        'X-Mailer: TestMailer 1.0',
        'List-Id: Watchdog <Linux-Watchdog.vger.kernel.org>',
        '',
        'hello',
      ]),
    );
    expect(m.from).toEqual({ name: 'Jürgen Müller', address: 'juergen@mail.bücher.de', local: 'juergen', domain: 'mail.bücher.de', registrableDomain: 'bücher.de' });
    expect(m.replyTo.map((a) => a.registrableDomain)).toEqual(['example.com']);
    expect(m.to.map((a) => a.address)).toEqual(['a@acme.co.uk', 'b@acme.co.uk', 'c@acme.co.uk']);
    expect(m.to[0]?.registrableDomain).toBe('acme.co.uk');
    expect(m.subject).toBe('Grüße');
    expect(m.date).toBe(Date.UTC(2001, 8, 17, 14, 56, 52));
    expect(m.messageId).toBe('<abc@x>');
    expect(m.thread).toEqual({ inReplyTo: '<parent@x>', references: ['<root@x>', '<parent@x>'] });
    expect(m.mailer).toBe('TestMailer 1.0');
    expect(m.listId).toBe('linux-watchdog.vger.kernel.org');
    expect(m.text.trim()).toBe('hello');
    expect(m.defects).toEqual([]);
  });

  it('takes text and html from multipart/alternative and finds deceptive link text', async () => {
    const m = await parseMessage(
      msg([
        'From: bank@bank.example',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Visit https://www.mybank.com/login now.',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Visit <a href="https://login.evil.co.uk/x?a=1&amp;b=2">www.MyBank.com</a> or <a href="mailto:x@y.z">mail</a></p>',
        '--b--',
      ]),
    );
    expect(m.text).toContain('Visit https://www.mybank.com/login');
    expect(m.html).toContain('<a href');
    const [deceptive, mailto, bare] = m.links;
    expect(deceptive).toMatchObject({ href: 'https://login.evil.co.uk/x?a=1&b=2', text: 'www.MyBank.com', host: 'login.evil.co.uk', registrableDomain: 'evil.co.uk', textDomain: 'mybank.com', source: 'html' });
    expect(mailto).toMatchObject({ host: null, registrableDomain: null, textDomain: null });
    expect(bare).toMatchObject({ href: 'https://www.mybank.com/login', text: '', registrableDomain: 'mybank.com', source: 'text' });
  });

  it('repairs the `+-0500` offset some mailers write, and flags it', async () => {
    const m = await parseMessage(msg(['From: a@b.com', 'Date: Tue, 3 Dec 2002 11:51:12 +-0700', '', 'x']));
    expect(m.date).toBe(Date.UTC(2002, 11, 3, 18, 51, 12));
    expect(m.defects).toContain('date-repaired');
  });

  it('derives text from html-only mail', async () => {
    const m = await parseMessage(msg(['From: a@b.com', 'Content-Type: text/html', '', '<html><head><style>p{}</style></head><body><p>Pay&nbsp;now</p><br>Thanks</body></html>']));
    expect(m.text).toBe('Pay now\nThanks');
  });

  it('decodes latin1, utf-8 and iso-2022-jp bodies', async () => {
    const latin1 = Buffer.concat([Buffer.from('From: a@b.com\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n'), Buffer.from('caf\xe9', 'latin1')]);
    expect((await parseMessage(latin1)).text.trim()).toBe('café');
    const utf8 = msg(['From: a@b.com', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from('naïve ✓').toString('base64')]);
    expect((await parseMessage(utf8)).text.trim()).toBe('naïve ✓');
    const jis = Buffer.concat([Buffer.from('From: a@b.com\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n'), Buffer.from('1b2442246b1b2842', 'hex')]);
    expect((await parseMessage(jis)).text.trim()).toBe('る');
  });

  it('sniffs an executable attached under a .pdf name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(100)]);
    const m = await parseMessage(
      msg([
        'From: a@b.com',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'see attached',
        '--b',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        exe.toString('base64'),
        '--b--',
      ]),
    );
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({ filename: 'invoice.pdf', declaredType: 'application/pdf', detectedType: 'application/x-msdownload', size: exe.length, disposition: 'attachment' });
    expect(m.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parses a Received chain with IPv4 and IPv6', async () => {
    const m = await parseMessage(
      msg([
        'Received: from mail.sender.example (mail.sender.example [IPv6:2001:db8::25])',
        '\tby mx.acme.com (Postfix) with ESMTPS id 1; Tue, 2 Jan 2024 10:00:00 +0000',
        'Received: from helo.example (unknown [203.0.113.7]) by mail.sender.example with SMTP; Tue, 2 Jan 2024 09:59:58 +0000 (UTC)',
        'From: a@sender.example',
        '',
        'x',
      ]),
    );
    expect(m.received).toEqual([
      { helo: 'mail.sender.example', reverseName: 'mail.sender.example', ip: '2001:db8::25', by: 'mx.acme.com', date: Date.UTC(2024, 0, 2, 10) },
      { helo: 'helo.example', reverseName: null, ip: '203.0.113.7', by: 'mail.sender.example', date: Date.UTC(2024, 0, 2, 9, 59, 58) },
    ]);
  });

  it('never throws on junk and records defects', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) & 0xff));
    for (const raw of [Buffer.alloc(0), junk, Buffer.from('\0\0\0From: x\0@y\r\n\r\n\0body'), Buffer.from('no headers at all\nhere')]) {
      const m = await parseMessage(raw);
      expect(m.defects.length).toBeGreaterThan(0);
      expect(m.size).toBe(raw.length);
    }
    const broken = await parseMessage(msg(['From: a@b.com', 'Content-Type: multipart/mixed; boundary="never"', '', 'preamble only']));
    expect(broken.from?.address).toBe('a@b.com');
    const badCharset = await parseMessage(msg(['From: a@b.com', 'Content-Type: text/plain; charset=x-no-such-charset', '', 'plain words']));
    expect(badCharset.text).toContain('plain words');
  });

  it('bounds deep nesting, part floods, link floods and oversize input', async () => {
    let nested = 'body\r\n';
    for (let i = 0; i < 100; i++) nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    const deep = await parseMessage(Buffer.from(`From: a@b.com\r\n${nested}`));
    expect(deep.defects.some((d) => d.startsWith('mime-unparseable'))).toBe(true);
    expect(deep.from?.address).toBe('a@b.com');

    const parts = Array.from({ length: 5000 }, (_, i) => `--x\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
    const flood = await parseMessage(Buffer.from(`From: a@b.com\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n${parts}--x--\r\n`));
    expect(flood.defects).toContain('mime-parts-truncated');

    const anchors = '<a href="http://x.example/">x</a>'.repeat(MAX_LINKS + 10);
    const links = await parseMessage(Buffer.from(`From: a@b.com\r\nContent-Type: text/html\r\n\r\n${anchors}`));
    expect(links.links).toHaveLength(MAX_LINKS);
    expect(links.defects).toContain('links-truncated');

    const huge = Buffer.concat([Buffer.from('From: a@b.com\r\n\r\n'), Buffer.alloc(MAX_MESSAGE_BYTES + 10, 0x61)]);
    const big = await parseMessage(huge);
    expect(big.size).toBe(huge.length);
    expect(big.defects.some((d) => d.startsWith('message-truncated'))).toBe(true);
  });
});

describe('looksLikeEmail', () => {
  it('accepts mail (with or without an mbox From line) and rejects other files', () => {
    expect(looksLikeEmail(Buffer.from('From a@b Thu Aug 22 12:36:23 2002\nReturn-Path: <a@b>\nSubject: x\n\nbody'))).toBe(true);
    expect(looksLikeEmail(Buffer.from('Message-ID: <1@x>\nDate: Mon, 1 Jan 2001 00:00:00 +0000\n\nx'))).toBe(true);
    expect(looksLikeEmail(Buffer.from('%PDF-1.7\n...'))).toBe(false);
    expect(looksLikeEmail(Buffer.from('Note: just a text file\nwith lines'))).toBe(false);
    expect(looksLikeEmail(Buffer.alloc(0))).toBe(false);
  });
});
