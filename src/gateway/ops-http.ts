import http from 'node:http';
import type { Registry } from 'prom-client';

/**
 * The operations listener, separate from SMTP: /metrics (Prometheus), /healthz (the process
 * answers) and /readyz (the gateway accepts mail). node:http is enough for three routes.
 */
export function startOpsServer(options: { host: string; port: number; registry: Registry; ready: () => boolean }): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const route = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405).end();
      return;
    }
    if (route === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (route === '/readyz') {
      const ready = options.ready();
      response.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' }).end(ready ? 'ready\n' : 'not ready\n');
    } else if (route === '/metrics') {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
