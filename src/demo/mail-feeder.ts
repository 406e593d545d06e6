import nodemailer from 'nodemailer';
import type { Envelope } from '../core/message.js';

/** One message to hand to the gateway, with the envelope it travels under. */
export interface OutgoingMail {
  readonly envelope: Envelope;
  readonly raw: Buffer;
}

export interface FeedOptions {
  readonly host: string;
  readonly port: number;
  /** Messages per second (at most; a slow gateway slows the feed down rather than piling up). */
  readonly perSecond: number;
  /** Stops the feed after the message in flight. */
  readonly signal: AbortSignal;
  readonly onSent?: (sent: number) => void;
  readonly onError?: (error: Error, sent: number) => void;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Sends mail through a real SMTP port with nodemailer, one message at a time at a steady rate,
 * until the source runs out or the signal fires. A refused or failed send is reported and the
 * feed goes on (the gateway's answer is what the demo is about, not the feeder's). Returns how
 * many messages the gateway accepted.
 */
export async function feedMail(source: AsyncIterable<OutgoingMail> | Iterable<OutgoingMail>, options: FeedOptions): Promise<number> {
  // Loopback, plain SMTP: the demo is about the gateway's analysis, not its STARTTLS.
  const transport = nodemailer.createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, maxMessages: Infinity });
  const gap = 1000 / options.perSecond;
  let sent = 0;
  try {
    for await (const mail of source) {
      if (options.signal.aborted) break;
      const started = Date.now();
      try {
        await transport.sendMail({ envelope: { from: mail.envelope.mailFrom ?? '', to: mail.envelope.rcptTo.join(', ') }, raw: mail.raw });
        sent += 1;
        options.onSent?.(sent);
      } catch (error) {
        options.onError?.(error as Error, sent);
      }
      await sleep(Math.max(0, gap - (Date.now() - started)), options.signal);
    }
  } finally {
    transport.close();
  }
  return sent;
}
