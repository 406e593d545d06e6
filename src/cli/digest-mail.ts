import nodemailer from 'nodemailer';
import type { Digest } from '../core/narrative/digest.js';
import { BelongError, ERROR_CODES } from '../errors.js';

export interface DigestMailOptions {
  readonly to: readonly string[];
  readonly from: string;
  /** `host:port` of the MTA that delivers the report (STARTTLS when it offers it). */
  readonly smtp: string;
}

function hostPort(value: string): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/u.exec(value);
  if (!match) throw new BelongError(ERROR_CODES.USAGE, `--smtp must be host:port, not ${JSON.stringify(value)}`, '--smtp');
  return { host: match[1]!.replace(/^\[|\]$/gu, ''), port: Number(match[2]) };
}

/** The digest as a plain-text email: the emailed report a security team reads each day or week. */
export function digestEmail(digest: Digest, options: Pick<DigestMailOptions, 'to' | 'from'>): { from: string; to: string[]; subject: string; text: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    from: options.from,
    to: [...options.to],
    subject: `belong ${digest.period === 'day' ? 'daily' : 'weekly'} digest ${day(digest.from)} – ${day(digest.to)}: ${digest.flagged} of ${digest.emails} emails needed action`,
    text: `${digest.sentences.join('\n\n')}\n`,
  };
}

export async function mailDigest(digest: Digest, options: DigestMailOptions): Promise<void> {
  const { host, port } = hostPort(options.smtp);
  const transport = nodemailer.createTransport({ host, port, secure: false, tls: { rejectUnauthorized: false } });
  try {
    await transport.sendMail(digestEmail(digest, options));
  } catch (error) {
    throw new BelongError(ERROR_CODES.USAGE, `could not send the digest through ${options.smtp}: ${(error as Error).message}`, '--smtp', { cause: error });
  } finally {
    transport.close();
  }
}
