import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { parseGatewayConfig, type GatewayConfig } from '../gateway/gateway-config.js';

/**
 * The gateway's command-line settings, shared by `belong gateway` and `belong serve --gateway`
 * (one list of flags, one parser). The SMTP listen flag is the only one whose name differs:
 * `serve` already uses --listen for HTTP, so there it is --smtp-listen.
 */
export interface GatewayFlags {
  gatewayConfig?: string;
  /** SMTP listen address (`--listen` in `belong gateway`, `--smtp-listen` in `belong serve`). */
  smtpListen?: string;
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

/**
 * Adds every gateway flag to `command`. `smtpListenFlag` names the SMTP listen option; the
 * spool directory flag is left to the caller (serve has its own, for releases, with the same meaning).
 */
export function withGatewayOptions(command: Command, smtpListenFlag: '--listen' | '--smtp-listen'): Command {
  const listen = smtpListenFlag === '--listen' ? '--listen <host:port>' : '--smtp-listen <host:port>';
  return command
    .option('--gateway-config <file>', 'gateway settings (JSON object; flags override it)')
    .option(listen, 'SMTP listen address (default 127.0.0.1:2525)')
    .option('--relay <host:port>', 'downstream MTA to relay to')
    .option('--journal', 'journal mode: analyse and record, never relay')
    .option('--ops <host:port>', 'HTTP listener for /metrics, /healthz, /readyz')
    .option('--hostname <name>', 'name in the banner, EHLO and DSNs')
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
    .option('--log-level <level>', 'pino log level (default info)');
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
    listen: flags.smtpListen,
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

/** The gateway settings: the --gateway-config file, overridden by flags, validated once. */
export function gatewayConfigFromFlags(flags: GatewayFlags): GatewayConfig {
  return parseGatewayConfig({ ...fileSettings(flags.gatewayConfig), ...flagSettings(flags) });
}
