import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import './auth/access.js';
import { authenticationHook } from './auth/authenticate.js';
import type { ApiContext } from './context.js';
import { registerDashboard } from './dashboard-static.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { heldRoutes } from './routes/held.js';
import { messageBodyRoutes } from './routes/message-body.js';
import { messageRoutes } from './routes/messages.js';
import { metricsRoutes } from './routes/metrics.js';
import { reportRoutes } from './routes/report.js';
import { settingsRoutes } from './routes/settings.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { dashboardRoutes } from './routes/dashboards.js';
import { groupRoutes } from './routes/groups.js';
import { overviewRoutes } from './routes/overview.js';
import { peopleRoutes } from './routes/people.js';
import { profileRoutes } from './routes/profiles.js';
import { widgetRoutes } from './routes/widgets.js';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: string | undefined;
}

export interface ApiServer {
  readonly app: FastifyInstance;
  /** Every route as registered (the security test walks this, so a new route cannot be forgotten). */
  readonly routes: readonly RegisteredRoute[];
}

/** Request bodies are small JSON documents; anything larger is a mistake or an attack. */
const BODY_LIMIT = 64 * 1024;

export async function buildApiServer(ctx: ApiContext, options: { logger?: FastifyServerOptions['logger']; dashboardDir?: string | null } = {}): Promise<ApiServer> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, trustProxy: false });
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access: route.config?.access });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'belong API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'belong_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRequest', authenticationHook(ctx.store, ctx.now));
  app.addHook('onSend', async (_request, reply, payload) => {
    // API answers are data: no sniffing, no framing, no caching of private data, unless a route (the
    // dashboard's hashed assets, the email body frame) says otherwise.
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    return payload;
  });

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  messageRoutes(app, ctx);
  messageBodyRoutes(app, ctx);
  reportRoutes(app, ctx);
  heldRoutes(app, ctx);
  metricsRoutes(app, ctx);
  auditRoutes(app, ctx);
  userRoutes(app, ctx);
  tokenRoutes(app, ctx);
  settingsRoutes(app, ctx);
  groupRoutes(app, ctx);
  profileRoutes(app, ctx);
  peopleRoutes(app, ctx);
  overviewRoutes(app, ctx);
  widgetRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  app.withTypeProvider<ZodTypeProvider>().get('/api/docs', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.record(z.string(), z.unknown()) } },
  }, async () => app.swagger() as unknown as Record<string, unknown>);
  // null: API only (tests that need no dashboard); undefined: the built dashboard when present.
  if (options.dashboardDir !== null) await registerDashboard(app, options.dashboardDir);

  await app.ready();
  return { app, routes };
}
