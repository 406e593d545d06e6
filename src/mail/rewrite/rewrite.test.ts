import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../core/verdict.js';
import { parseMessage } from '../parse.js';
import { verifyLinkToken } from './link-token.js';
import { leaves, parseMimeTree } from './mime-tree.js';
import { rewriteMessage } from './rewrite.js';

const SECRET = 'rewrite-test-secret-32-bytes-long';
const BASE = 'https://belong.example.org';
const PDF = Buffer.from('%PDF-1.4\n% fake pdf for the test\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

function message(): Buffer {
  return Buffer.from(
    [
      'From: Vendor <billing@vendor.example>',
      'To: alice@example.org',
      'Subject: =?ISO-8859-1?Q?Rechnung_f=FCr_Mai?=',
      'Message-ID: <m1@vendor.example>',
      'Date: Mon, 2 Jun 2025 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      'This is a multi-part message in MIME format.',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Gr=FC=DFe, see https://pay.vendor.example/invoice?id=1&x=2.',
      'Thanks',
      '--inner',
      'Content-Type: text/html; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Diso-8859-1"></head><body style=3D"margin:0"><p>Gr=FC=DFe,',
      ' <a href=3D"https://pay.vendor.example/invoice?id=3D1&amp;x=3D2">pay here</a> <a href=3D"mailto:billing@vendor.example">mail</a></p></body></html>',
      '--inner--',
      '--outer',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      PDF.toString('base64'),
      '--outer',
      'Content-Type: image/png; name="logo.png"',
      'Content-Disposition: attachment; filename="logo.png"',
      'Content-Transfer-Encoding: base64',
      '',
      PNG.toString('base64'),
      '--outer--',
      'epilogue',
      '',
    ].join('\r\n'),
  );
}

function plan(overrides: Partial<ActionPlan>): ActionPlan {
  return { delivery: 'deliver', links: 'none', attachments: 'none', notTaken: [], ...overrides };
}

function rewrite(raw: Buffer, p: Partial<ActionPlan>) {
  return rewriteMessage(raw, { plan: plan(p), verdict: { id: 'v-test', reason: 'First contact from <vendor.example> & "urgent"' }, linkBaseUrl: BASE, linkSecret: SECRET });
}

/** Bytes of each leaf part, to compare what the rewrite left alone. */
function partBytes(raw: Buffer): string[] {
  return leaves(parseMimeTree(raw)).map((n) => raw.subarray(n.start, n.end).toString('latin1'));
}

describe('MIME splitter', () => {
  it('finds every leaf and reassembles the message byte for byte when nothing changes', () => {
    const raw = message();
    expect(leaves(parseMimeTree(raw)).map((n) => n.contentType)).toEqual(['text/plain', 'text/html', 'application/pdf', 'image/png']);
    expect(rewrite(raw, {}).raw.equals(raw)).toBe(true);
  });
});

describe('rewriteMessage, per rung', () => {
  it('banner: in the text and the HTML part (escaped, inline styled, right after <body>), the rest byte-equal', async () => {
    const raw = message();
    const result = rewrite(raw, { delivery: 'banner' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.text.startsWith('[Caution: belong flagged this email] First contact from <vendor.example> & "urgent"')).toBe(true);
    expect(parsed.text).toContain('Grüße');
    expect(parsed.html).toMatch(/<body style="margin:0"><table role="presentation"[^>]*style="/u);
    expect(parsed.html).toContain('First contact from &lt;vendor.example&gt; &amp; &quot;urgent&quot;');
    expect(parsed.html).toContain('charset=utf-8');
    expect(parsed.subject).toBe('Rechnung für Mai');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['invoice.pdf', 'logo.png']);
    const before = partBytes(raw);
    const after = partBytes(result.raw);
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(result.headers).toEqual([['X-Belong-Rewrite', 'banner']]);
  });

  for (const rung of ['lock', 'double_lock'] as const) {
    it(`links ${rung}: http(s) links in HTML and text go to /l/<token> with the original URL signed inside`, async () => {
      const raw = message();
      const result = rewrite(raw, { links: rung });
      const parsed = await parseMessage(result.raw);
      const web = parsed.links.filter((l) => l.href.startsWith('http'));
      expect(web.length).toBeGreaterThanOrEqual(2);
      for (const link of web) {
        expect(link.href.startsWith(`${BASE}/l/`)).toBe(true);
        expect(verifyLinkToken(SECRET, link.href.slice(`${BASE}/l/`.length))).toMatchObject({ verdictId: 'v-test', url: 'https://pay.vendor.example/invoice?id=1&x=2' });
      }
      expect(parsed.html).toContain('mailto:billing@vendor.example');
      expect(parsed.text).toMatch(/\/l\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.\r?\n/u);
      expect(result.changed.links).toBe(2);
      expect(partBytes(result.raw).slice(2)).toEqual(partBytes(raw).slice(2));
    });
  }

  it('links remove: no web link is left', async () => {
    const result = rewrite(message(), { links: 'remove' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.links.filter((l) => l.href.startsWith('http'))).toEqual([]);
    expect(parsed.text).toContain('[link removed by belong]');
  });

  it('attachments convert: each attachment becomes a text rendition (name, type, size, sha256, text preview)', async () => {
    const raw = message();
    const result = rewrite(raw, { attachments: 'convert' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.attachments.map((a) => [a.filename, a.declaredType])).toEqual([['invoice.pdf.txt', 'text/plain'], ['logo.png.txt', 'text/plain']]);
    const tree = parseMimeTree(result.raw);
    const rendition = leaves(tree)[2];
    const text = Buffer.from(result.raw.subarray(rendition?.bodyStart, rendition?.end).toString('latin1'), 'base64').toString('utf8');
    expect(text).toContain('File: invoice.pdf');
    expect(text).toContain(`SHA-256: ${createHash('sha256').update(PDF).digest('hex')}`);
    expect(text).toContain(`Size: ${PDF.length} bytes`);
    expect(partBytes(result.raw).slice(0, 2)).toEqual(partBytes(raw).slice(0, 2));
    expect(result.raw.toString('latin1').endsWith('--outer--\r\nepilogue\r\n')).toBe(true);
  });

  it('attachments convert: a text-like attachment shows its first bytes as text', async () => {
    const raw = Buffer.from(message().toString('latin1').replace('Content-Type: image/png; name="logo.png"', 'Content-Type: text/html; name="logo.png"').replace(PNG.toString('base64'), Buffer.from('<p>Login at <b>evil</b></p>').toString('base64')), 'latin1');
    const result = rewrite(raw, { attachments: 'convert' });
    const leaf = leaves(parseMimeTree(result.raw))[3];
    const text = Buffer.from(result.raw.subarray(leaf?.bodyStart, leaf?.end).toString('latin1'), 'base64').toString('utf8');
    expect(text).toContain('Login at evil');
  });

  it('attachments strip: replaced by a part saying why; the body parts are untouched', async () => {
    const raw = message();
    const result = rewrite(raw, { attachments: 'strip' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['invoice.pdf (removed).txt', 'logo.png (removed).txt']);
    expect(parsed.text).toContain('Grüße');
    expect(result.raw.toString('latin1')).not.toContain(PDF.toString('base64'));
    expect(partBytes(result.raw).slice(0, 2)).toEqual(partBytes(raw).slice(0, 2));
  });

  it('all rungs at once plus a subject tag; the top-level headers stay otherwise as received', async () => {
    const raw = message();
    const result = rewrite(raw, { delivery: 'junk', links: 'double_lock', attachments: 'strip', subjectTag: '[Suspicious]' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.subject).toBe('[Suspicious] Rechnung für Mai');
    expect(parsed.messageId).toBe('<m1@vendor.example>');
    expect(result.changed).toEqual({ banner: true, links: 2, attachments: 2, subjectTag: true });
    expect(result.headers[0]?.[1]).toBe('banner; links=double_lock (2); attachments=strip (2); subject-tag');
  });

  it('a single-part plain-text message is rewritten in place and keeps its headers', async () => {
    const raw = Buffer.from('From: a@b.example\r\nTo: c@example.org\r\nSubject: hi\r\n\r\nClick http://x.example/a now\r\n');
    const result = rewrite(raw, { delivery: 'banner', links: 'lock' });
    const parsed = await parseMessage(result.raw);
    expect(parsed.text.startsWith('[Caution')).toBe(true);
    expect(parsed.links[0]?.href.startsWith(`${BASE}/l/`)).toBe(true);
    expect(parsed.from?.address).toBe('a@b.example');
    expect(result.raw.toString('latin1')).toMatch(/^MIME-Version: 1\.0\r\nFrom: a@b\.example\r\n/u);
  });
});

describe('messages that cannot be rewritten are never dropped', () => {
  const signed = Buffer.from(
    [
      'From: a@b.example',
      'To: c@example.org',
      'Subject: signed',
      'MIME-Version: 1.0',
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"',
      '',
      '--sig',
      'Content-Type: text/plain',
      '',
      'Please see https://x.example/a',
      '--sig',
      'Content-Type: application/pkcs7-signature; name=smime.p7s',
      'Content-Transfer-Encoding: base64',
      '',
      'AAAA',
      '--sig--',
      '',
    ].join('\r\n'),
  );

  it('S/MIME-signed with only a banner due: delivered unchanged, the warning in headers', () => {
    const result = rewrite(signed, { delivery: 'banner' });
    expect(result.raw.equals(signed)).toBe(true);
    expect(result.delivery).toBe('banner');
    expect(result.fallback).toMatch(/multipart\/signed/u);
    expect(result.headers.map(([n]) => n)).toEqual(['X-Belong-Rewrite', 'X-Belong-Warning']);
  });

  it('S/MIME-signed when links must be locked: held instead, and the result says so', () => {
    const result = rewrite(signed, { delivery: 'banner', links: 'lock' });
    expect(result.delivery).toBe('hold');
    expect(result.headers[0]?.[1]).toMatch(/held because/u);
    expect(result.raw.equals(signed)).toBe(true);
  });

  it('encrypted S/MIME, broken MIME and an unknown charset fall back the same way', () => {
    const encrypted = Buffer.from('From: a@b.example\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n\r\nAAAA\r\n');
    const broken = Buffer.from('From: a@b.example\r\nContent-Type: multipart/mixed; boundary="nope"\r\n\r\n--other\r\n\r\nx\r\n');
    const charset = Buffer.from('From: a@b.example\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nhttp://x.example/\r\n');
    for (const raw of [encrypted, broken, charset]) {
      const result = rewrite(raw, { links: 'lock' });
      expect(result.delivery).toBe('hold');
      expect(result.fallback).not.toBeNull();
      expect(result.raw.equals(raw)).toBe(true);
    }
  });
});
