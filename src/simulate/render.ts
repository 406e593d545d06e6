/**
 * One simulated email → RFC 5322 bytes, with the headers a real delivery carries: the sender's
 * own hop, its DKIM-Signature, the org MX's Received and Authentication-Results (trusted
 * upstream, so belong reads auth from it), thread headers, multipart/alternative bodies and
 * base64 attachments.
 */
import { createHash } from 'node:crypto';
import { base64Lines, formatAddress, headerLine, quotedPrintable, rfc5322Date, stableToken } from './mime.js';

export interface Party {
  readonly name: string;
  readonly address: string;
}

export type AuthWord = 'pass' | 'fail' | 'softfail' | 'none' | 'neutral';

/** How the message reached the organisation's MX. */
export interface Transport {
  /** The host that handed the message to our MX: HELO name, reverse DNS (null: none) and IP. */
  readonly helo: string;
  readonly rdns: string | null;
  readonly ip: string;
  /** Envelope sender (becomes Return-Path). */
  readonly mailFrom: string;
  readonly spf: AuthWord;
  /** DKIM signature the sender added (null: unsigned) and what our MX made of it. */
  readonly dkim: { readonly domain: string; readonly selector: string; readonly result: AuthWord } | null;
  readonly dmarc: AuthWord;
  /** The sender's client hop before its outbound server (workstation or app), when it has one. */
  readonly clientHop?: { readonly name: string; readonly ip: string; readonly protocol: string };
}

export interface AttachmentSpec {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface MailSpec {
  /** Message-ID without angle brackets. */
  readonly id: string;
  /** Epoch ms (UTC) the sender pressed send. */
  readonly at: number;
  /** The sender's UTC offset in minutes (written into Date). */
  readonly offsetMinutes: number;
  readonly from: Party;
  readonly to: readonly Party[];
  readonly cc?: readonly Party[];
  readonly replyTo?: readonly Party[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly attachments?: readonly AttachmentSpec[];
  readonly mailer?: string;
  readonly listId?: string;
  readonly listUnsubscribe?: string;
  readonly transport: Transport;
}

export interface OrgMx {
  /** The org's MX host, e.g. `mx.corvid-labs.example`: authserv-id of Authentication-Results. */
  readonly mx: string;
  readonly mxIp: string;
  /** The internal mail store the MX delivers to. */
  readonly store: string;
}

const CRLF = '\r\n';

function bodyParts(spec: MailSpec, boundary: (n: number) => string): { contentHeaders: string[]; body: string } {
  const textPart = (text: string): { headers: string[]; body: string } => ({
    headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'],
    body: quotedPrintable(text),
  });
  const htmlPart = (html: string): { headers: string[]; body: string } => ({
    headers: ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'],
    body: quotedPrintable(html),
  });
  const multipart = (subtype: string, b: string, parts: Array<{ headers: string[]; body: string }>): { headers: string[]; body: string } => ({
    headers: [`Content-Type: multipart/${subtype}; boundary="${b}"`],
    body: [
      ...parts.map((p) => `--${b}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}`),
      `--${b}--`,
      '',
    ].join(CRLF),
  });

  let main = spec.html ? multipart('alternative', boundary(1), [textPart(spec.text), htmlPart(spec.html)]) : textPart(spec.text);
  const attachments = spec.attachments ?? [];
  if (attachments.length > 0) {
    const parts = attachments.map((a) => ({
      headers: [
        `Content-Type: ${a.contentType}; name="${a.filename}"`,
        `Content-Disposition: attachment; filename="${a.filename}"`,
        'Content-Transfer-Encoding: base64',
      ],
      body: base64Lines(a.content),
    }));
    main = multipart('mixed', boundary(0), [main, ...parts]);
  }
  return { contentHeaders: main.headers, body: main.body };
}

function dkimSignature(spec: MailSpec, body: string): string | null {
  const dkim = spec.transport.dkim;
  if (!dkim) return null;
  const bh = createHash('sha256').update(body).digest('base64');
  const t = Math.floor(spec.at / 1000);
  const b = stableToken(`dkim:${spec.id}`, 344, 'base64');
  return headerLine('DKIM-Signature', `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${dkim.domain}; s=${dkim.selector}; t=${t}; h=from:to:subject:date:message-id:mime-version; bh=${bh}; b=${b}`);
}

function authResults(spec: MailSpec, org: OrgMx): string {
  const tr = spec.transport;
  const fromDomain = spec.from.address.split('@')[1] ?? '';
  const mailFromDomain = tr.mailFrom.split('@')[1] ?? tr.helo;
  const parts = [`${org.mx}`, `spf=${tr.spf} smtp.mailfrom=${mailFromDomain} smtp.helo=${tr.helo}`];
  parts.push(tr.dkim ? `dkim=${tr.dkim.result} header.d=${tr.dkim.domain} header.s=${tr.dkim.selector}` : 'dkim=none');
  parts.push(`dmarc=${tr.dmarc} header.from=${fromDomain}`);
  return headerLine('Authentication-Results', parts.join('; '));
}

/** The full message as CRLF text (UTF-8 only inside encoded parts: the output is 7-bit clean). */
export function renderMail(spec: MailSpec, org: OrgMx): string {
  const boundary = (n: number): string => `----=_Part_${n}_${stableToken(`b:${spec.id}`, 20)}`;
  const { contentHeaders, body } = bodyParts(spec, boundary);
  const tr = spec.transport;
  const rcpt = spec.to[0]?.address ?? '';
  const queueId = (label: string): string => stableToken(`${label}:${spec.id}`, 10).toUpperCase();
  // Each hop takes a few seconds; the timestamps stay in the order the hops happened.
  const hop = (seconds: number, offset: number): string => rfc5322Date(spec.at + seconds * 1000, offset);

  const trace: string[] = [
    headerLine('Received', `from ${org.mx} (${org.mx} [${org.mxIp}]) by ${org.store} (Postfix) with LMTP id ${queueId('lmtp')} for <${rcpt}>; ${hop(6, 0)}`),
    authResults(spec, org),
    headerLine(
      'Received',
      `from ${tr.helo} (${tr.rdns ?? 'unknown'} [${tr.ip}]) by ${org.mx} (Postfix) with ESMTPS id ${queueId('mx')} for <${rcpt}>; ${hop(4, 0)}`,
    ),
  ];
  const signature = dkimSignature(spec, body);
  if (signature) trace.push(signature);
  if (tr.clientHop) {
    trace.push(
      headerLine('Received', `from ${tr.clientHop.name} ([${tr.clientHop.ip}]) by ${tr.helo} with ${tr.clientHop.protocol} id ${queueId('sub')}; ${hop(1, spec.offsetMinutes)}`),
    );
  }

  const headers: string[] = [
    `Return-Path: <${tr.mailFrom}>`,
    ...trace,
    headerLine('From', formatAddress(spec.from.name, spec.from.address)),
    headerLine('To', spec.to.map((p) => formatAddress(p.name, p.address)).join(', ')),
  ];
  if (spec.cc && spec.cc.length > 0) headers.push(headerLine('Cc', spec.cc.map((p) => formatAddress(p.name, p.address)).join(', ')));
  if (spec.replyTo && spec.replyTo.length > 0) headers.push(headerLine('Reply-To', spec.replyTo.map((p) => formatAddress(p.name, p.address)).join(', ')));
  headers.push(headerLine('Subject', /^[\x20-\x7e]*$/.test(spec.subject) ? spec.subject : `=?UTF-8?B?${Buffer.from(spec.subject, 'utf8').toString('base64')}?=`));
  headers.push(`Date: ${rfc5322Date(spec.at, spec.offsetMinutes)}`);
  headers.push(`Message-ID: <${spec.id}>`);
  if (spec.inReplyTo) headers.push(`In-Reply-To: <${spec.inReplyTo}>`);
  if (spec.references && spec.references.length > 0) headers.push(headerLine('References', spec.references.map((r) => `<${r}>`).join(' ')));
  if (spec.listId) headers.push(headerLine('List-Id', spec.listId));
  if (spec.listUnsubscribe) {
    headers.push(headerLine('List-Unsubscribe', spec.listUnsubscribe));
    headers.push('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    headers.push('Precedence: bulk');
  }
  if (spec.mailer) headers.push(headerLine('X-Mailer', spec.mailer));
  headers.push('MIME-Version: 1.0');
  headers.push(...contentHeaders);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}${body.endsWith(CRLF) ? '' : CRLF}`;
}
