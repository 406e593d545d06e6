import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** `npm run build` puts the Vite build here; the same path from src/ (tests) and dist/ (runtime). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The dashboard's page: same-origin scripts and styles only (Recharts sets inline style
 * attributes), frames only from this server (the sanitised email body), nothing framing us.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the React dashboard: hashed assets under /assets/, and index.html for every other
 * non-API path (client-side routes). Both are public: the shell holds no data, and every
 * byte of data comes from /api/v1, which checks credentials. Returns false when not built.
 */
export async function registerDashboard(app: FastifyInstance, dir: string = DASHBOARD_DIR): Promise<boolean> {
  if (!existsSync(path.join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dir, serve: false, dotfiles: 'deny' });
  const shell = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/assets/*', shell, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    // Vite's hashed names never change content: cache for a year.
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path.posix.join('assets', file));
  });
  app.get('/*', shell, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not_found', message: 'no such route' });
    return reply.header('content-security-policy', DASHBOARD_CSP).type('text/html; charset=utf-8').sendFile('index.html');
  });
  return true;
}
