import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { BelongError, ERROR_CODES } from '../errors.js';
import { startLinkServer } from '../links/link-server.js';
import { loadLinkSecret } from '../mail/rewrite/link-secret.js';
import { openContext, withCommonOptions, type CommonFlags } from './context.js';
import { untilStopSignal } from './until-signal.js';

interface LinksFlags extends CommonFlags {
  listen?: string;
}

function hostPort(value: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/u.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port > 65_535) throw new BelongError(ERROR_CODES.USAGE, '--listen must be HOST:PORT', value);
  return { host: match[1].replace(/^\[|\]$/gu, ''), port };
}

/**
 * `belong links --listen HOST:PORT`: the page locked links point to (`linkBaseUrl`). Its own
 * listener rather than the gateway's ops port, because users' browsers must reach it while
 * /metrics should not be exposed to them. Runs until SIGTERM/SIGINT.
 */
export function registerLinks(program: Command): void {
  withCommonOptions(
    program
      .command('links')
      .description('serve the link page /l/<token>: where a locked link goes, why, continue (lock) or not (double lock); clicks recorded')
      .option('--listen <host:port>', 'where to listen (match linkBaseUrl)', '127.0.0.1:8025'),
  ).action(async (flags: LinksFlags) => {
    const { host, port } = hostPort(flags.listen ?? '127.0.0.1:8025');
    const { config, store } = await openContext(flags);
    try {
      const secret = await loadLinkSecret(config);
      const server = await startLinkServer({ store, secret, host, port });
      process.stderr.write(`belong: link page listening on http://${host}:${(server.address() as AddressInfo).port}/l/<token>\n`);
      await untilStopSignal();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    } finally {
      await store.close();
    }
  });
}
