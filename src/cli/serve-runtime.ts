import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { ensureFirstAdmin } from '../api/auth/bootstrap.js';
import { buildApiServer, type RegisteredRoute } from '../api/server.js';
import { configuredOrg } from '../config/config.js';
import { loadEffectiveConfig } from '../config/settings-overrides.js';
import { Engine } from '../engine/engine.js';
import { resolveOrg } from '../engine/org-setup.js';
import type { GatewayConfig } from '../gateway/gateway-config.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import type { Quarantine } from '../quarantine/quarantine.js';
import { deliverToSpool } from '../quarantine/released-spool.js';
import { type RetentionSweep, startRetentionSweep, storedMessageRetention } from '../retention/retention-sweep.js';
import type { CommandContext } from './context.js';
import { gatewayEngine, startGatewayService, type GatewayService } from './gateway-runtime.js';

export interface BelongServerOptions {
  /** Config, policy and an open store; the caller closes the store after `close()`. */
  readonly context: CommandContext;
  readonly listen: { readonly host: string; readonly port: number };
  /** Also run the SMTP gateway in this process, on the same store, engine and quarantine. */
  readonly gateway: GatewayConfig | null;
  /** Where releases go when no gateway runs here (default <data-dir>/spool); a gateway's own spool wins. */
  readonly spoolDir?: string;
  readonly sessionTtlMs: number;
  /** The first admin's password (else a one-time one is generated and written). */
  readonly adminPassword?: string | undefined;
  /** Start-up lines (the one-time password, where it listens). */
  readonly write: (line: string) => void;
  /** The gateway's logger (default: pino at the gateway config's level, to stdout). */
  readonly logger?: Logger;
  /** The built dashboard (undefined: dist/web when built; null: API only). */
  readonly dashboardDir?: string | null;
  readonly now?: () => number;
}

export interface BelongServer {
  readonly app: FastifyInstance;
  readonly routes: readonly RegisteredRoute[];
  /** `http://host:port` the API and dashboard answer on. */
  readonly url: string;
  readonly engine: Engine;
  readonly quarantine: Quarantine;
  readonly gateway: GatewayService | null;
  /** Removes what is past its retention at start and hourly (the gateway's sweep when it runs here). */
  readonly retention: RetentionSweep;
  /** Stops the gateway (in-flight mail finishes or stays spooled), then the HTTP server. */
  close(): Promise<void>;
}

/** A literal IPv6 host needs brackets in a URL. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * What `belong serve` runs: the HTTP API and dashboard, and with a gateway config the SMTP
 * gateway too, sharing one Store, Engine and Quarantine. A release from the dashboard goes to
 * the spool's `released/` hand-off, which the gateway (here or in another process) relays.
 */
export async function startBelongServer(options: BelongServerOptions): Promise<BelongServer> {
  const { store, policy } = options.context;
  // Settings changed from the dashboard (kept in the store) lie over the file/environment/flags.
  const config = await loadEffectiveConfig(options.context.config, store);
  const now = options.now ?? Date.now;
  const quarantine = await openQuarantine(config, store);
  const resolved = await resolveOrg(configuredOrg(config), store, async () => []);
  const engine = options.gateway
    ? gatewayEngine({ store, org: resolved.org, policy, config, gateway: options.gateway })
    : new Engine({ store, org: resolved.org, policy, trustedAuthservIds: config.trustedAuthservIds, resolver: null });
  await ensureFirstAdmin(store, { password: options.adminPassword, now, write: options.write });
  const logger = options.logger ?? (options.gateway ? pino({ level: options.gateway.logLevel, base: { service: 'belong-gateway' } }) : pino({ base: { service: 'belong-serve' } }));
  const gateway = options.gateway ? await startGatewayService({ config, gateway: options.gateway, engine, quarantine, logger }) : null;
  // The gateway's sweep removes held mail and message content past their retention; without a
  // gateway here, this process still removes old message content.
  const retention = gateway?.retention ?? startRetentionSweep({ store, quarantine: null, messageRetentionDays: storedMessageRetention(config, store), logger });
  let messageRetentionDays = config.messageRetentionDays;
  const spoolDir = gateway?.spoolDir ?? options.spoolDir ?? path.join(config.dataDir, 'spool');
  try {
    const { app, routes } = await buildApiServer(
      {
        store,
        now,
        quarantine,
        deliver: deliverToSpool(spoolDir),
        engine,
        org: () => engine.org,
        config,
        // Settings changed in the dashboard apply to the next message: domains (also the SMTP
        // listener's accepted recipients), groups and VIPs through the engine's org, autonomy
        // through the gateway's plan applier, quarantine retention to mail held from now on,
        // message content retention at the next sweep (the sweep reads it from the store).
        onSettingsChange: async (changed) => {
          engine.setOrg((await resolveOrg(configuredOrg(changed), store, async () => [])).org);
          quarantine.setRetentionDays(changed.quarantineRetentionDays);
          // A shorter content retention removes what it no longer covers now, not within the hour.
          if (changed.messageRetentionDays < messageRetentionDays) void retention.sweep();
          messageRetentionDays = changed.messageRetentionDays;
          gateway?.applySettings(changed);
        },
        secureCookies: 'auto',
        sessionTtlMs: options.sessionTtlMs,
      },
      { dashboardDir: options.dashboardDir },
    );
    await app.listen({ host: options.listen.host, port: options.listen.port });
    const url = `http://${urlHost(options.listen.host)}:${(app.server.address() as AddressInfo).port}`;
    return {
      app,
      routes,
      url,
      engine,
      quarantine,
      gateway,
      retention,
      close: async () => {
        await retention.stop();
        await gateway?.stop();
        await app.close();
      },
    };
  } catch (error) {
    await retention.stop();
    await gateway?.stop();
    throw error;
  }
}
