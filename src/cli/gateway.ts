import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { pino } from 'pino';
import { configuredOrg } from '../config/config.js';
import { Engine } from '../engine/engine.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import { resolveOrg } from '../engine/org-setup.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { Gateway } from '../gateway/gateway.js';
import { planApplierFor } from '../gateway/plan-applier-setup.js';
import { parseGatewayConfig, spoolDirOf } from '../gateway/gateway-config.js';
import { systemResolver } from '../mail/dns.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';

interface GatewayFlags extends CommonFlags {
  gatewayConfig?: string;
  listen?: string;
  relay?: string;
  journal?: boolean;
  ops?: string;
  hostname?: string;
  spoolDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  maxMessageBytes?: number;
  maxRecipients?: number;
  maxSessionsPerIp?: number;
  socketTimeoutMs?: number;
  sessionTimeoutMs?: number;
  trustXclientFrom?: string[];
  trustProxyFrom?: string[];
  submitFrom?: string[];
  retryInitialMs?: number;
  retryMaxMs?: number;
  retryWindowMs?: number;
  onAnalysisFailure?: string;
  workers?: number;
  dns?: boolean;
  logLevel?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const integer = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new BelongError(ERROR_CODES.USAGE, `not an integer: ${value}`);
  return parsed;
};

export function registerGateway(program: Command): void {
  withCommonOptions(
    program
      .command('gateway')
      .description('run the SMTP gateway: receive, spool, analyse, relay with X-Belong headers (or journal: never relay)')
      .option('--gateway-config <file>', 'gateway settings (JSON object; flags override it)')
      .option('--listen <host:port>', 'SMTP listen address (default 127.0.0.1:2525)')
      .option('--relay <host:port>', 'downstream MTA to relay to')
      .option('--journal', 'journal mode: analyse and record, never relay')
      .option('--ops <host:port>', 'HTTP listener for /metrics, /healthz, /readyz')
      .option('--hostname <name>', 'name in the banner, EHLO and DSNs')
      .option('--spool-dir <dir>', 'spool directory (default <data-dir>/spool)')
      .option('--tls-cert <file>', 'STARTTLS certificate (PEM); self-signed in the data dir when absent')
      .option('--tls-key <file>', 'STARTTLS private key (PEM)')
      .option('--max-message-bytes <n>', 'SIZE limit', integer)
      .option('--max-recipients <n>', 'recipients per message', integer)
      .option('--max-sessions-per-ip <n>', 'concurrent sessions per client address', integer)
      .option('--socket-timeout-ms <n>', 'idle timeout', integer)
      .option('--session-timeout-ms <n>', 'longest session', integer)
      .option('--trust-xclient-from <ip>', 'accept XCLIENT/XFORWARD from this fronting MTA (repeatable)', collect, [])
      .option('--trust-proxy-from <ip>', 'accept a PROXY header from this peer (repeatable)', collect, [])
      .option('--submit-from <ip>', 'accept outbound mail to any domain from this peer (repeatable)', collect, [])
      .option('--retry-initial-ms <n>', 'first relay retry delay', integer)
      .option('--retry-max-ms <n>', 'longest relay retry delay', integer)
      .option('--retry-window-ms <n>', 'bounce after retrying this long', integer)
      .option('--on-analysis-failure <deliver|hold>', 'when analysis throws (default deliver, with X-Belong-Analysis: failed)')
      .option('--workers <n>', 'messages analysed and relayed at once', integer)
      .option('--dns', 'verify SPF/DKIM/DMARC with the system resolver')
      .option('--log-level <level>', 'pino log level (default info)'),
  ).action(async (flags: GatewayFlags) => {
    process.exitCode = await gatewayCommand(flags);
  });
}

function fileSettings(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new BelongError(ERROR_CODES.CONFIG, `cannot read gateway config: ${(error as Error).message}`, file);
  }
}

function flagSettings(flags: GatewayFlags): Record<string, unknown> {
  const lists = { trustXclientFrom: flags.trustXclientFrom, trustProxyFrom: flags.trustProxyFrom, submitFrom: flags.submitFrom };
  const all: Record<string, unknown> = {
    listen: flags.listen,
    relay: flags.relay,
    journal: flags.journal,
    ops: flags.ops,
    hostname: flags.hostname,
    spoolDir: flags.spoolDir,
    tlsCert: flags.tlsCert,
    tlsKey: flags.tlsKey,
    maxMessageBytes: flags.maxMessageBytes,
    maxRecipients: flags.maxRecipients,
    maxSessionsPerIp: flags.maxSessionsPerIp,
    socketTimeoutMs: flags.socketTimeoutMs,
    sessionTimeoutMs: flags.sessionTimeoutMs,
    retryInitialMs: flags.retryInitialMs,
    retryMaxMs: flags.retryMaxMs,
    retryWindowMs: flags.retryWindowMs,
    onAnalysisFailure: flags.onAnalysisFailure,
    workers: flags.workers,
    dns: flags.dns,
    logLevel: flags.logLevel,
    ...Object.fromEntries(Object.entries(lists).filter(([, v]) => v && v.length > 0)),
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

/** Runs until SIGTERM/SIGINT, then shuts down gracefully (unfinished mail stays spooled). */
export async function gatewayCommand(flags: GatewayFlags): Promise<number> {
  const config = parseGatewayConfig({ ...fileSettings(flags.gatewayConfig), ...flagSettings(flags) });
  const logger = pino({ level: config.logLevel, base: { service: 'belong-gateway' } });
  const context = await openContext(flags);
  const resolved = await resolveOrg(configuredOrg(context.config), context.store, async () => []);
  if (resolved.org.domains.length === 0) {
    await context.store.close();
    throw new BelongError(ERROR_CODES.CONFIG, 'the gateway needs the organisation domains (--org-domain): they decide which recipients it accepts');
  }
  const engine = new Engine({
    store: context.store,
    org: resolved.org,
    policy: context.policy,
    trustedAuthservIds: context.config.trustedAuthservIds,
    resolver: config.dns ? systemResolver : null,
  });
  const planApplier = await planApplierFor(context.config, config.hostname);
  logger.info({ autonomy: context.config.autonomy, byGroup: context.config.autonomyByGroup, arc: Boolean(context.config.arcSeal) }, 'autonomy');
  // Held mail is sealed into <data-dir>/quarantine; `belong quarantine release` hands it back via the spool.
  const quarantine = await openQuarantine(context.config, context.store);
  const gateway = new Gateway({ config, engine, spoolDir: spoolDirOf(config, context.config.dataDir), dataDir: context.config.dataDir, logger, planApplier, quarantine });
  await gateway.start();
  const expireHeld = (): void => {
    quarantine.expire().then(
      (expired) => expired.length > 0 && logger.info({ expired }, 'quarantine retention: expired held mail'),
      (error: unknown) => logger.error({ err: error }, 'quarantine expiry failed'),
    );
  };
  expireHeld();
  const expiry = setInterval(expireHeld, 3_600_000);
  expiry.unref();
  await new Promise<void>((resolve) => {
    const shutdown = (): void => {
      process.off('SIGTERM', shutdown);
      process.off('SIGINT', shutdown);
      resolve();
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  });
  clearInterval(expiry);
  await gateway.stop();
  await context.store.close();
  return 0;
}
