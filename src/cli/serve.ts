import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { buildApiServer } from '../api/server.js';
import { ensureFirstAdmin } from '../api/auth/bootstrap.js';
import { configuredOrg } from '../config/config.js';
import { Engine } from '../engine/engine.js';
import { resolveOrg } from '../engine/org-setup.js';
import { BelongError, ERROR_CODES } from '../errors.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import { deliverToSpool } from '../quarantine/released-spool.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { untilStopSignal } from './until-signal.js';

interface ServeFlags extends CommonFlags {
  listen?: string;
  spoolDir?: string;
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

/**
 * `belong serve --listen HOST:PORT`: the HTTP API (docs/api.md) on the configured store. First
 * start creates `admin` (BELONG_ADMIN_PASSWORD, or a one-time password printed to stderr).
 * Releases go to `<spool>/released/`, which a running gateway relays. Runs until SIGTERM/SIGINT.
 */
export function registerServe(program: Command): void {
  withCommonOptions(
    program
      .command('serve')
      .description('run the HTTP API (/api/v1, OpenAPI at /api/docs) with local accounts and API tokens')
      .option('--listen <host:port>', 'where to listen', DEFAULT_LISTEN)
      .option('--spool-dir <dir>', "the gateway's spool directory, where releases go (default <data-dir>/spool)")
      .option('--session-hours <n>', 'how long a login lasts', '12'),
  ).action(async (flags: ServeFlags) => {
    const { host, port } = parseListen(flags.listen ?? DEFAULT_LISTEN);
    const sessionHours = Number(flags.sessionHours ?? '12');
    if (!(sessionHours > 0 && sessionHours <= 24 * 30)) throw new BelongError(ERROR_CODES.USAGE, '--session-hours must be between 0 and 720');
    const context = await openContext(flags);
    const { config, store, policy } = context;
    try {
      const quarantine = await openQuarantine(config, store);
      const resolved = await resolveOrg(configuredOrg(config), store, async () => []);
      const engine = new Engine({ store, org: resolved.org, policy, trustedAuthservIds: config.trustedAuthservIds, resolver: null });
      await ensureFirstAdmin(store, { password: process.env.BELONG_ADMIN_PASSWORD, now: Date.now, write: (line) => process.stderr.write(line) });
      const { app } = await buildApiServer({
        store,
        now: Date.now,
        quarantine,
        deliver: deliverToSpool(flags.spoolDir ?? path.join(config.dataDir, 'spool')),
        engine,
        config,
        secureCookies: 'auto',
        sessionTtlMs: sessionHours * 3_600_000,
      });
      await app.listen({ host, port });
      const address = app.server.address() as AddressInfo;
      process.stderr.write(`belong: API listening on http://${host}:${address.port}/api/v1 (OpenAPI at /api/docs)\n`);
      await untilStopSignal();
      await app.close();
    } finally {
      await store.close();
    }
  });
}
