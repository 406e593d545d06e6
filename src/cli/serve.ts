import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { gatewayConfigFromFlags, withGatewayOptions, type GatewayFlags } from './gateway-options.js';
import { startBelongServer } from './serve-runtime.js';
import { untilStopSignal } from './until-signal.js';

interface ServeFlags extends CommonFlags, GatewayFlags {
  listen?: string;
  gateway?: boolean;
  sessionHours?: string;
}

const DEFAULT_LISTEN = '127.0.0.1:8080';

/** `HOST:PORT` or `[v6]:PORT`. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/u.exec(value.trim());
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (!host || !Number.isInteger(port) || port > 65_535) throw new BelongError(ERROR_CODES.USAGE, `--listen needs HOST:PORT, got ${value}`);
  return { host, port };
}

/** Gateway flags given without --gateway would be silently ignored: refuse them instead. */
function refuseStrayGatewayFlags(flags: ServeFlags): void {
  const given = (['smtpListen', 'relay', 'journal', 'gatewayConfig', 'ops'] as const).filter((name) => flags[name] !== undefined);
  if (!flags.gateway && given.length > 0) throw new BelongError(ERROR_CODES.USAGE, `${given.join(', ')} only apply with --gateway`);
}

/**
 * `belong serve --listen HOST:PORT [--gateway --smtp-listen HOST:PORT --relay HOST:PORT]`: the
 * HTTP API (docs/api.md) and dashboard on the configured store; with --gateway the SMTP gateway
 * runs in the same process. First start creates `admin` (BELONG_ADMIN_PASSWORD, or a one-time
 * password printed to stderr). Releases go to `<spool>/released/`, which the gateway relays.
 * Runs until SIGTERM/SIGINT.
 */
export function registerServe(program: Command): void {
  withCommonOptions(
    withGatewayOptions(
      program
        .command('serve')
        .description('run the HTTP API (/api/v1, OpenAPI at /api/docs) and dashboard; with --gateway also the SMTP gateway, in one process')
        .option('--listen <host:port>', 'where the HTTP API and dashboard listen', DEFAULT_LISTEN)
        .option('--gateway', 'also run the SMTP gateway (the gateway flags below) on the same store, engine and quarantine')
        .option('--spool-dir <dir>', "the gateway's spool directory, where releases go (default <data-dir>/spool)")
        .option('--session-hours <n>', 'how long a login lasts', '12'),
      '--smtp-listen',
    ),
  ).action(async (flags: ServeFlags) => {
    const listen = parseListen(flags.listen ?? DEFAULT_LISTEN);
    const sessionHours = Number(flags.sessionHours ?? '12');
    if (!(sessionHours > 0 && sessionHours <= 24 * 30)) throw new BelongError(ERROR_CODES.USAGE, '--session-hours must be between 0 and 720');
    refuseStrayGatewayFlags(flags);
    const gateway = flags.gateway ? gatewayConfigFromFlags(flags) : null;
    const context = await openContext(flags);
    try {
      const server = await startBelongServer({
        context,
        listen,
        gateway,
        spoolDir: flags.spoolDir,
        sessionTtlMs: sessionHours * 3_600_000,
        adminPassword: process.env.BELONG_ADMIN_PASSWORD,
        write: (line) => process.stderr.write(line),
      });
      process.stderr.write(`belong: API listening on ${server.url}/api/v1 (OpenAPI at /api/docs, dashboard at ${server.url}/)\n`);
      if (server.gateway) {
        const smtp = gateway?.listen;
        process.stderr.write(`belong: SMTP gateway listening on ${smtp?.host}:${server.gateway.addresses.smtpPort} (${gateway?.journal ? 'journal' : `relay to ${gateway?.relay?.host}:${gateway?.relay?.port}`})\n`);
      }
      await untilStopSignal();
      await server.close();
    } finally {
      await context.store.close();
    }
  });
}
