import { randomBytes } from 'node:crypto';

/**
 * A delivery status notification (RFC 3464) for recipients the downstream refused or that
 * outlived the retry window. Carries the original's headers only (not the body: the content
 * is possibly hostile and the sender has it). Built by hand: it is one fixed template.
 */
export interface DsnInput {
  readonly reportingHost: string;
  readonly sender: string;
  readonly originalHeaders: Buffer;
  readonly failures: ReadonlyArray<{ recipient: string; reply: string }>;
  readonly arrivalDate: number;
  readonly now: number;
}

function statusFor(reply: string): string {
  const enhanced = /\b([245]\.\d{1,3}\.\d{1,3})\b/u.exec(reply);
  if (enhanced?.[1]) return enhanced[1].replace(/^4/u, '5');
  return '5.0.0';
}

/** Only the header section, bounded, so a header bomb does not travel back. */
export function headerSection(raw: Buffer, limit = 64 * 1024): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : raw.length;
  return raw.subarray(0, Math.min(end, limit));
}

export function buildDsn(input: DsnInput): Buffer {
  const boundary = `belong-dsn-${randomBytes(8).toString('hex')}`;
  const date = new Date(input.now).toUTCString();
  const list = input.failures.map((f) => `  ${f.recipient}: ${f.reply}`).join('\r\n');
  const perRecipient = input.failures
    .map((f) => [`Final-Recipient: rfc822; ${f.recipient}`, 'Action: failed', `Status: ${statusFor(f.reply)}`, `Diagnostic-Code: smtp; ${f.reply}`].join('\r\n'))
    .join('\r\n\r\n');
  const text = [
    `From: Mail Delivery System <MAILER-DAEMON@${input.reportingHost}>`,
    `To: <${input.sender}>`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${date}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${input.reportingHost}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Your message could not be delivered to these recipients:',
    '',
    list,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${input.reportingHost}`,
    `Arrival-Date: ${new Date(input.arrivalDate).toUTCString()}`,
    '',
    perRecipient,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(text, 'utf8'), headerSection(input.originalHeaders), Buffer.from(`\r\n\r\n--${boundary}--\r\n`)]);
}
