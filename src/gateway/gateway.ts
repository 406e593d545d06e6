import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Engine } from '../engine/engine.js';
import { DeliveryQueue, type Analyse } from './delivery-queue.js';
import type { GatewayConfig } from './gateway-config.js';
import { GatewayMetrics } from './metrics.js';
import { startOpsServer } from './ops-http.js';
import type { PlanApplier } from './plan-applier.js';
import { Relay } from './relay.js';
import { InboundServer } from './smtp-inbound.js';
import { Spool } from './spool.js';
import { adoptReleased } from '../quarantine/released-spool.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import { loadOrCreateTls } from './tls.js';

export interface GatewayOptions {
  readonly config: GatewayConfig;
  readonly engine: Engine;
  readonly spoolDir: string;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Held mail goes here (sealed) instead of staying in the spool; released mail is adopted back. */
  readonly quarantine?: Quarantine;
  /** How often released mail dropped into `<spool>/released/` is picked up (default 2 s). */
  readonly releasedPollMs?: number;
  /** Autonomy (passive/active) and message rewriting; absent: hold on hold, never rewrite. */
  readonly planApplier?: PlanApplier;
}

/** Where the running gateway listens (ports resolved when 0 was asked for). */
export interface GatewayAddresses {
  readonly smtpPort: number;
  readonly opsPort: number | null;
}

/**
 * The gateway: spool → (resume what a previous run left) → SMTP listener → queue. Shutdown is
 * the reverse: stop accepting, let open transactions and in-flight work finish, keep the rest
 * in the spool for the next start.
 */
export class Gateway {
  readonly metrics = new GatewayMetrics();
  private readonly spool: Spool;
  private readonly relay: Relay | null;
  private readonly queue: DeliveryQueue;
  private inbound: InboundServer | null = null;
  private ops: http.Server | null = null;
  private ready = false;
  private releasedTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: GatewayOptions) {
    const { config, engine, logger } = options;
    this.spool = new Spool(options.spoolDir);
    this.relay = config.journal || !config.relay
      ? null
      : new Relay({ host: config.relay.host, port: config.relay.port, verifyTls: config.relayVerifyTls, connections: config.relayConnections, name: config.hostname });
    const analyse: Analyse = async (raw, envelope, now, origin) => (await engine.process(raw, { envelope, now, origin })).verdict;
    this.queue = new DeliveryQueue({
      spool: this.spool,
      analyse,
      relay: this.relay,
      logger,
      metrics: this.metrics,
      workers: config.workers,
      retryInitialMs: config.retryInitialMs,
      retryMaxMs: config.retryMaxMs,
      retryWindowMs: config.retryWindowMs,
      onAnalysisFailure: config.onAnalysisFailure,
      hostname: config.hostname,
      now: options.now,
      quarantine: options.quarantine,
      planApplier: options.planApplier,
    });
  }

  async start(): Promise<GatewayAddresses> {
    const { config, logger } = this.options;
    await this.spool.init();
    await adoptReleased(this.options.spoolDir);
    const resumed = await this.queue.resume();
    if (resumed > 0) logger.info({ resumed }, 'resuming spooled messages from a previous run');
    const tls = await loadOrCreateTls({ certFile: config.tlsCert, keyFile: config.tlsKey, dataDir: this.options.dataDir, hostname: config.hostname });
    this.inbound = new InboundServer({
      config,
      orgDomains: () => this.options.engine.org.domains,
      spool: this.spool,
      tls,
      logger,
      metrics: this.metrics,
      accepted: (record) => this.queue.add(record),
      now: this.options.now,
    });
    const smtpPort = await this.inbound.listen(config.listen.port, config.listen.host);
    let opsPort: number | null = null;
    if (config.ops) {
      this.ops = await startOpsServer({ host: config.ops.host, port: config.ops.port, registry: this.metrics.registry, ready: () => this.ready });
      opsPort = (this.ops.address() as AddressInfo).port;
    }
    this.ready = true;
    this.releasedTimer = setInterval(() => {
      this.adoptReleased().catch((error: unknown) => logger.error({ err: error }, 'could not adopt released mail'));
    }, this.options.releasedPollMs ?? 2_000);
    this.releasedTimer.unref();
    logger.info({ smtp: `${config.listen.host}:${smtpPort}`, ops: opsPort, mode: config.journal ? 'journal' : 'relay', relay: config.relay ?? null }, 'gateway listening');
    return { smtpPort, opsPort };
  }

  /** Moves released mail from `<spool>/released/` into the queue now; returns how many. */
  async adoptReleased(): Promise<number> {
    const records = await adoptReleased(this.options.spoolDir);
    for (const record of records) this.queue.add(record);
    if (records.length > 0) this.options.logger.info({ released: records.map((r) => r.id) }, 'relaying mail released from quarantine');
    return records.length;
  }

  get queueDepth(): number {
    return this.queue.depth;
  }

  async stop(): Promise<void> {
    this.ready = false;
    if (this.releasedTimer) clearInterval(this.releasedTimer);
    this.options.logger.info('shutting down: no new mail; finishing what is in flight');
    await this.inbound?.close();
    await this.queue.stop();
    this.relay?.close();
    await new Promise<void>((resolve) => (this.ops ? this.ops.close(() => resolve()) : resolve()));
    this.options.logger.info({ leftInSpool: this.queue.depth }, 'gateway stopped');
  }
}
