import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';
import { groupMembers } from './messages.js';

export function groupRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/groups', {
    config: { access: 'viewer' },
    schema: {
      summary: "The organisation's named groups and their members (for the group filters), by name",
      tags: ['settings'],
      response: { 200: z.object({ items: z.array(z.object({ name: z.string(), members: z.array(z.string()) })) }), ...errors },
    },
  }, async () => {
    const org = ctx.org();
    const names = Object.keys(org.groups ?? {}).sort();
    return { items: names.map((name) => ({ name, members: groupMembers(org, name) ?? [] })) };
  });
}
