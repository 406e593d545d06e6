import http from 'node:http';
import { createLinkHandler, type LinkPageOptions } from './link-page.js';

/**
 * The link page's own listener (`belong links --listen`). Separate from the gateway's ops
 * listener on purpose: users' browsers reach this one, while /metrics should stay internal.
 * node:http is enough for three routes.
 */
export function startLinkServer(options: LinkPageOptions & { host: string; port: number }): Promise<http.Server> {
  const server = http.createServer(createLinkHandler(options));
  // A slow client must not hold a socket forever; the page is tiny.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
