import { describe, expect, it } from 'vitest';
import type { Message } from '../src/core/message.js';
import { parseMessage } from '../src/mail/parse.js';
import { establishedOrg, LATER, START, signalOf } from './helpers/content-org.js';
import { UNCHECKED_AUTH } from './helpers/message-builder.js';
import { makeZip } from './helpers/zip-builder.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
const DOCM = makeZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }, { name: 'word/vbaProject.bin' }]);
const DOCX = makeZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]);
const LOCKED_ZIP = makeZip([{ name: 'scan_0412.pdf', encrypted: true }]);
const PLAIN_ZIP = makeZip([{ name: 'scan_0412.pdf' }]);
const HTML = Buffer.from('<!doctype html><html><body><form action="https://collect.example/p"><input type="password"></form></body></html>');

/** A real MIME message with one attachment, parsed by the production parser. */
async function withAttachment(from: string, filename: string, type: string, bytes: Buffer, at = LATER): Promise<Message> {
  const raw = [
    `From: ${from}`,
    'To: alice@example.org',
    `Date: ${new Date(at).toUTCString()}`,
    'Subject: documents',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'Please see the attached file.',
    '--b1',
    `Content-Type: ${type}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    '--b1--',
    '',
  ].join('\r\n');
  return { ...(await parseMessage(Buffer.from(raw))), auth: UNCHECKED_AUTH };
}

const STRANGER = 'shipping@dhl-notice.example';
const VENDOR = 'ar@vendor.com';

async function vendorSendingPdfs(times: number) {
  const model = establishedOrg();
  for (let i = 0; i < times; i++) {
    const at = START + i * 5 * 86_400_000;
    model.learnMessage(await withAttachment(VENDOR, `invoice-${i}.pdf`, 'application/pdf', PDF, at), at);
  }
  return model;
}

describe('attachment checks (real MIME through parseMessage)', () => {
  it('the parser records traits: macro, encrypted, executable', async () => {
    expect((await withAttachment(STRANGER, 'a.docm', 'application/octet-stream', DOCM)).attachments[0]?.traits).toEqual(['macro']);
    expect((await withAttachment(STRANGER, 'a.zip', 'application/zip', LOCKED_ZIP)).attachments[0]?.traits).toEqual(['encrypted']);
    expect((await withAttachment(STRANGER, 'a.pdf', 'application/pdf', EXE)).attachments[0]?.traits).toEqual(['executable']);
    expect((await withAttachment(STRANGER, 'a.pdf', 'application/pdf', PDF)).attachments[0]?.traits).toEqual([]);
  });

  it('ATTACHMENT_TYPE_MISMATCH: a program named .pdf; a real PDF named .pdf is silent', async () => {
    const model = establishedOrg();
    const fired = signalOf(model.score(await withAttachment(STRANGER, 'invoice.pdf', 'application/pdf', EXE), LATER), 'ATTACHMENT_TYPE_MISMATCH');
    expect(fired?.evidence).toMatchObject({ extension: 'pdf', detectedType: 'application/x-msdownload' });
    expect(signalOf(model.score(await withAttachment(STRANGER, 'invoice.pdf', 'application/pdf', PDF), LATER), 'ATTACHMENT_TYPE_MISMATCH')).toBeUndefined();
  });

  it('ATTACHMENT_EXECUTABLE: a PE file, or a .js script; a PDF is silent', async () => {
    const model = establishedOrg();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'setup.exe', 'application/octet-stream', EXE), LATER), 'ATTACHMENT_EXECUTABLE')?.strength).toBe(1);
    expect(signalOf(model.score(await withAttachment(STRANGER, 'invoice.js', 'text/plain', Buffer.from('var s = WScript.CreateObject("WScript.Shell");')), LATER), 'ATTACHMENT_EXECUTABLE')).toBeDefined();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'invoice.pdf', 'application/pdf', PDF), LATER), 'ATTACHMENT_EXECUTABLE')).toBeUndefined();
  });

  it('ATTACHMENT_MACRO: a Word document with vbaProject.bin; the same document without macros is silent', async () => {
    const model = establishedOrg();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'order.docm', 'application/octet-stream', DOCM), LATER), 'ATTACHMENT_MACRO')).toBeDefined();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'order.docx', 'application/octet-stream', DOCX), LATER), 'ATTACHMENT_MACRO')).toBeUndefined();
  });

  it('ATTACHMENT_HTML: an attached HTML page; a PDF is silent', async () => {
    const model = establishedOrg();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'remittance.html', 'text/html', HTML), LATER), 'ATTACHMENT_HTML')).toBeDefined();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'remittance.pdf', 'application/pdf', PDF), LATER), 'ATTACHMENT_HTML')).toBeUndefined();
  });

  it('ATTACHMENT_ENCRYPTED_ARCHIVE: a password-protected zip; a plain zip is silent', async () => {
    const model = establishedOrg();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'scan.zip', 'application/zip', LOCKED_ZIP), LATER), 'ATTACHMENT_ENCRYPTED_ARCHIVE')).toBeDefined();
    expect(signalOf(model.score(await withAttachment(STRANGER, 'scan.zip', 'application/zip', PLAIN_ZIP), LATER), 'ATTACHMENT_ENCRYPTED_ARCHIVE')).toBeUndefined();
  });

  it('ATTACHMENT_TYPE_RARE: a vendor that always sends PDFs sends a zip; its usual PDF is silent; more history, stronger', async () => {
    const model = await vendorSendingPdfs(10);
    const fired = signalOf(model.score(await withAttachment(VENDOR, 'docs.zip', 'application/zip', PLAIN_ZIP), LATER), 'ATTACHMENT_TYPE_RARE');
    expect(fired?.evidence).toMatchObject({ type: 'application/zip', basis: 'sender', attachmentsBefore: 10 });
    expect(signalOf(model.score(await withAttachment(VENDOR, 'invoice-99.pdf', 'application/pdf', PDF), LATER), 'ATTACHMENT_TYPE_RARE')).toBeUndefined();
    const thin = signalOf((await vendorSendingPdfs(2)).score(await withAttachment(VENDOR, 'docs.zip', 'application/zip', PLAIN_ZIP), LATER), 'ATTACHMENT_TYPE_RARE');
    expect(thin?.strength ?? 0).toBeLessThan(fired!.strength);
  });

  it('a sender who routinely sends macro workbooks is judged more softly than a stranger', async () => {
    const model = establishedOrg();
    for (let i = 0; i < 10; i++) {
      const at = START + i * 5 * 86_400_000;
      model.learnMessage(await withAttachment(VENDOR, `forecast-${i}.docm`, 'application/octet-stream', DOCM, at), at);
    }
    const habitual = signalOf(model.score(await withAttachment(VENDOR, 'forecast.docm', 'application/octet-stream', DOCM), LATER), 'ATTACHMENT_MACRO')!.strength;
    const stranger = signalOf(model.score(await withAttachment(STRANGER, 'forecast.docm', 'application/octet-stream', DOCM), LATER), 'ATTACHMENT_MACRO')!.strength;
    expect(habitual).toBeLessThan(stranger);
  });
});
