import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Policy } from '../core/policy.js';
import type { Org } from '../core/org.js';
import { Engine } from '../engine/engine.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { Gateway, type GatewayAddresses } from '../gateway/gateway.js';
import { spoolDirOf, type GatewayConfig } from '../gateway/gateway-config.js';
import { autonomyOf, planApplierFor } from '../gateway/plan-applier-setup.js';
import { systemResolver } from '../mail/dns.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import { type RetentionSweep, startRetentionSweep, storedMessageRetention } from '../retention/retention-sweep.js';
import type { Store } from '../store/store.js';

/** The engine the gateway (and, in one process, the API) scores with: DNS only when asked for. */
export function gatewayEngine(options: { store: Store; org: Org; policy: Policy; config: Config; gateway: GatewayConfig }): Engine {
  if (options.org.domains.length === 0) {
    throw new BelongError(ERROR_CODES.CONFIG, 'the gateway needs the organisation domains (--org-domain): they decide which recipients it accepts');
  }
  return new Engine({
    store: options.store,
    org: options.org,
    policy: options.policy,
    trustedAuthservIds: options.config.trustedAuthservIds,
    resolver: options.gateway.dns ? systemResolver : null,
  });
}

export interface GatewayService {
  readonly gateway: Gateway;
  readonly addresses: GatewayAddresses;
  readonly spoolDir: string;
  /** Held mail and message content past their retention, removed at start and hourly. */
  readonly retention: RetentionSweep;
  /** Settings changed in the dashboard: autonomy applies to the next message. */
  applySettings(config: Config): void;
  /** Stops accepting, finishes what is in flight (the rest stays spooled); the store stays open. */
  stop(): Promise<void>;
}

/**
 * The running gateway as `belong gateway` and `belong serve --gateway` both start it: autonomy
 * and rewriting from the config, held mail sealed into the quarantine, expired held mail and old
 * message content removed hourly (the retention sweep), released mail adopted from `<spool>/released/`.
 */
export async function startGatewayService(options: {
  config: Config;
  gateway: GatewayConfig;
  engine: Engine;
  quarantine: Quarantine;
  logger: Logger;
}): Promise<GatewayService> {
  const { config, engine, quarantine, logger } = options;
  const planApplier = await planApplierFor(config, options.gateway.hostname);
  logger.info({ autonomy: config.autonomy, byGroup: config.autonomyByGroup, arc: Boolean(config.arcSeal) }, 'autonomy');
  const spoolDir = spoolDirOf(options.gateway, config.dataDir);
  const gateway = new Gateway({ config: options.gateway, engine, spoolDir, dataDir: config.dataDir, logger, planApplier, quarantine });
  const addresses = await gateway.start();
  const retention = startRetentionSweep({ store: engine.store, quarantine, messageRetentionDays: storedMessageRetention(config, engine.store), logger });
  return {
    gateway,
    addresses,
    spoolDir,
    retention,
    applySettings: (changed) => planApplier.setAutonomy(autonomyOf(changed)),
    stop: async () => {
      await retention.stop();
      await gateway.stop();
    },
  };
}
