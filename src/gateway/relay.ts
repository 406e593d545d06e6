import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

/**
 * Hands a message to the downstream MTA with nodemailer's pooled SMTP transport (STARTTLS when
 * the downstream offers it; opportunistic, so the certificate is verified only when asked).
 * The answer is sorted per recipient: delivered, deferred (4xx or no connection: retry) or
 * refused (5xx: bounce now).
 */
export interface RelayOutcome {
  readonly delivered: string[];
  readonly deferred: Array<{ recipient: string; reply: string }>;
  readonly refused: Array<{ recipient: string; reply: string }>;
}

export interface RelayTarget {
  readonly host: string;
  readonly port: number;
  readonly verifyTls: boolean;
  readonly connections: number;
  readonly name: string;
}

interface SmtpError extends Error {
  responseCode?: number;
  response?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

function replyOf(error: SmtpError): string {
  return (error.response ?? error.message).replace(/\s+/gu, ' ').slice(0, 500);
}

function sortRejections(errors: readonly SmtpError[], outcome: RelayOutcome): void {
  for (const error of errors) {
    const recipient = error.recipient ?? '';
    const entry = { recipient, reply: replyOf(error) };
    if ((error.responseCode ?? 0) >= 500) outcome.refused.push(entry);
    else outcome.deferred.push(entry);
  }
}

export class Relay {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;

  constructor(target: RelayTarget) {
    this.transport = nodemailer.createTransport({
      pool: true,
      host: target.host,
      port: target.port,
      secure: false,
      name: target.name,
      maxConnections: target.connections,
      maxMessages: Infinity,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 120_000,
      tls: { rejectUnauthorized: target.verifyTls },
    });
  }

  /** `from` null sends with the null reverse-path (`MAIL FROM:<>`), as DSNs must. */
  async send(from: string | null, recipients: readonly string[], raw: Buffer): Promise<RelayOutcome> {
    const outcome: RelayOutcome = { delivered: [], deferred: [], refused: [] };
    try {
      const info = await this.transport.sendMail({ envelope: { from: from ?? '', to: recipients.join(', ') }, raw });
      outcome.delivered.push(...info.accepted.map(String));
      sortRejections((info as { rejectedErrors?: SmtpError[] }).rejectedErrors ?? [], outcome);
    } catch (caught) {
      const error = caught as SmtpError;
      if (error.rejectedErrors && error.rejectedErrors.length > 0) {
        sortRejections(error.rejectedErrors, outcome);
      } else {
        // MAIL FROM/DATA refused, or no connection: the same answer for every recipient.
        const entries = recipients.map((recipient) => ({ recipient, reply: replyOf(error) }));
        if ((error.responseCode ?? 0) >= 500) outcome.refused.push(...entries);
        else outcome.deferred.push(...entries);
      }
    }
    return outcome;
  }

  close(): void {
    this.transport.close();
  }
}
