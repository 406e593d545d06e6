import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the downstream "mailbox" has received so far. */
export interface SinkCounts {
  /** Every message the gateway relayed. */
  readonly delivered: number;
  /** Released from the quarantine: the original bytes, which carry no X-Belong-* header at all. */
  readonly released: number;
  /** Rewritten on the way (banner, locked links, converted or stripped attachments). */
  readonly rewritten: number;
}

/**
 * The organisation's mail server as far as the demo is concerned: an SMTP server on loopback
 * that accepts whatever the gateway relays, counts it and throws it away.
 */
export class MailSink {
  private server: SMTPServer | null = null;
  private counts = { delivered: 0, released: 0, rewritten: 0 };
  port = 0;

  async start(host = '127.0.0.1', port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 50 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        // Only the header section is kept: that is all the counts need.
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 64 * 1024) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          this.count(head);
          callback();
        });
      },
    });
    server.on('error', () => undefined); // a client dropping mid-session is not the demo's problem
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
    this.port = (server.server.address() as AddressInfo).port;
    return this.port;
  }

  private count(text: string): void {
    const end = text.search(/\r?\n\r?\n/u);
    const headers = end < 0 ? text : text.slice(0, end);
    this.counts.delivered += 1;
    if (!/^x-belong-/imu.test(headers)) this.counts.released += 1;
    if (/^x-belong-rewrite:/imu.test(headers)) this.counts.rewritten += 1;
  }

  get received(): SinkCounts {
    return { ...this.counts };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
