import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Envelope } from '../core/message.js';
import type { GatewayConfig } from './gateway-config.js';
import type { GatewayMetrics } from './metrics.js';
import { newRecord, type Spool, type SpoolRecord } from './spool.js';
import type { TlsPair } from './tls.js';

export interface InboundOptions {
  readonly config: GatewayConfig;
  /** Read per recipient, so domains changed in the dashboard's settings apply to the next RCPT TO. */
  readonly orgDomains: () => readonly string[];
  readonly spool: Spool;
  readonly tls: TlsPair;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  /** Called once a message is durably spooled (after which the sender gets 250). */
  readonly accepted: (record: SpoolRecord) => void;
  readonly now?: () => number;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function normaliseIp(ip: string): string {
  return ip.replace(/^::ffff:/iu, '').toLowerCase();
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/u, '');
}

/** An org domain or a host under one: anything else would make the gateway an open relay. */
export function isOrgRecipient(address: string, orgDomains: readonly string[]): boolean {
  const domain = domainOf(address);
  return orgDomains.some((org) => domain === org || domain.endsWith(`.${org}`));
}

/**
 * The listening side, on smtp-server (ESMTP, STARTTLS, SIZE, PIPELINING, 8BITMIME, SMTPUTF8,
 * XCLIENT/XFORWARD/PROXY only from trusted peers). The sender gets `250` only after the spool
 * has the message on disk; any failure before that is `451` so the sender keeps it and retries.
 */
export class InboundServer {
  readonly server: SMTPServer;
  private readonly sessionsByIp = new Map<string, number>();
  private readonly sessionIp = new Map<string, string>();
  private readonly sessionTimers = new Map<string, NodeJS.Timeout>();
  private accepting = true;
  private readonly now: () => number;

  constructor(private readonly options: InboundOptions) {
    this.now = options.now ?? Date.now;
    const { config } = options;
    this.server = new SMTPServer({
      name: config.hostname,
      banner: 'belong gateway',
      key: options.tls.key,
      cert: options.tls.cert,
      size: config.maxMessageBytes,
      maxRecipients: config.maxRecipients,
      maxClients: config.maxClients,
      socketTimeout: config.socketTimeoutMs,
      closeTimeout: 30_000,
      authOptional: true,
      disabledCommands: ['AUTH'],
      disableReverseLookup: true,
      hideDSN: true,
      useXClient: config.trustXclientFrom.length > 0 ? config.trustXclientFrom : false,
      useXForward: config.trustXclientFrom.length > 0 ? config.trustXclientFrom : false,
      useProxy: config.trustProxyFrom.length > 0 ? config.trustProxyFrom : false,
      logger: false,
      onConnect: (session, callback) => this.onConnect(session, callback),
      onClose: (session) => this.onClose(session),
      onMailFrom: (_address, _session, callback) => callback(this.accepting ? null : smtpError(421, 'Service shutting down, try again later')),
      onRcptTo: (address, session, callback) => callback(this.checkRecipient(address.address, session)),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    this.server.on('error', (error) => options.logger.warn({ err: error }, 'smtp connection error'));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stop accepting new connections and mail; open transactions finish (smtp-server's closeTimeout). */
  close(): Promise<void> {
    this.accepting = false;
    for (const timer of this.sessionTimers.values()) clearTimeout(timer);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    if (!this.accepting) return callback(smtpError(421, 'Service shutting down, try again later'));
    const ip = normaliseIp(session.remoteAddress);
    const open = this.sessionsByIp.get(ip) ?? 0;
    if (open >= this.options.config.maxSessionsPerIp) {
      this.options.logger.warn({ ip }, 'too many sessions from one address');
      return callback(smtpError(421, 'Too many connections from your address, try again later'));
    }
    this.sessionsByIp.set(ip, open + 1);
    this.sessionIp.set(session.id, ip);
    this.options.metrics.sessions.inc();
    // A hard cap on the session: the idle timeout alone lets a client trickle one byte a minute.
    const timer = setTimeout(() => this.expire(session.id), this.options.config.sessionTimeoutMs);
    timer.unref();
    this.sessionTimers.set(session.id, timer);
    callback();
  }

  private expire(sessionId: string): void {
    for (const connection of this.server.connections) {
      if (connection.id !== sessionId) continue;
      this.options.logger.info({ session: sessionId }, 'session time limit reached');
      connection.send(421, 'Session time limit reached, closing connection');
      connection.close();
    }
  }

  private onClose(session: SMTPServerSession): void {
    const ip = this.sessionIp.get(session.id);
    if (ip === undefined) return;
    this.sessionIp.delete(session.id);
    clearTimeout(this.sessionTimers.get(session.id));
    this.sessionTimers.delete(session.id);
    const open = (this.sessionsByIp.get(ip) ?? 1) - 1;
    if (open <= 0) this.sessionsByIp.delete(ip);
    else this.sessionsByIp.set(ip, open);
    this.options.metrics.sessions.dec();
  }

  private checkRecipient(address: string, session: SMTPServerSession): Error | null {
    if (isOrgRecipient(address, this.options.orgDomains())) return null;
    const peer = normaliseIp(session.remoteAddress);
    if (this.options.config.submitFrom.some((ip) => normaliseIp(ip) === peer)) return null;
    this.options.metrics.messages.inc({ result: 'rejected' });
    return smtpError(550, 'Relay access denied: not a recipient domain of this organisation');
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the rest is drained, not kept: memory stays bounded.
      size += chunk.length;
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('error', (error) => callback(smtpError(451, `Error receiving message: ${error.message}`)));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        this.options.metrics.messages.inc({ result: 'rejected' });
        return callback(smtpError(552, `Message exceeds fixed maximum message size (${this.options.config.maxMessageBytes} bytes)`));
      }
      const started = performance.now();
      const raw = Buffer.concat(chunks, size);
      const envelope: Envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        clientIp: normaliseIp(session.remoteAddress),
        helo: session.hostNameAppearsAs || null,
      };
      const receivedAt = this.now();
      const record = newRecord(this.options.spool.newId(receivedAt), receivedAt, envelope, raw.length);
      this.options.spool.accept(record, raw).then(
        () => {
          this.options.metrics.acceptLatency.observe((performance.now() - started) / 1000);
          this.options.metrics.messages.inc({ result: 'accepted' });
          this.options.logger.info({ id: record.id, from: envelope.mailFrom, rcpt: envelope.rcptTo.length, size: raw.length, ip: envelope.clientIp }, 'message accepted');
          callback(null, `Ok: queued as ${record.id}`);
          this.options.accepted(record);
        },
        (error: unknown) => {
          this.options.logger.error({ err: error }, 'spool write failed; answering 451');
          this.options.metrics.messages.inc({ result: 'tempfail' });
          callback(smtpError(451, 'Local error in processing: cannot store message, try again later'));
        },
      );
    });
  }
}
