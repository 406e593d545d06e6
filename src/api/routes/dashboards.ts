import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DashboardRecord } from '../../store/dashboards.js';
import type { UserRecord } from '../../store/accounts.js';
import { type Principal, principalOf } from '../auth/access.js';
import type { ApiContext } from '../context.js';
import { IdParams, OkSchema, errors } from '../schemas.js';
import { DashboardBodySchema, DashboardSchema, WidgetSchema, type Widget } from './dashboard-schemas.js';

type DashboardView = z.infer<typeof DashboardSchema>;

/** The owner may change their dashboard; an admin may change anyone's (e.g. to remove a stale shared one). */
function mayEdit(d: DashboardRecord, p: Principal): boolean {
  return d.ownerId === p.user.id || p.user.role === 'admin';
}

/** Visible: your own, and everyone's shared ones (read-only unless you may edit them). */
function mayRead(d: DashboardRecord, p: Principal): boolean {
  return d.shared || mayEdit(d, p);
}

/**
 * Widgets are stored as opaque JSON and validated on the way in; one that no longer fits the
 * schema (written by an older version) is left out rather than failing the whole dashboard.
 */
function widgetsOf(d: DashboardRecord): Widget[] {
  return d.widgets.flatMap((w) => {
    const parsed = WidgetSchema.safeParse(w);
    return parsed.success ? [parsed.data] : [];
  });
}

function view(d: DashboardRecord, p: Principal, owners: ReadonlyMap<string, string>): DashboardView {
  return { id: d.id, ownerId: d.ownerId, owner: owners.get(d.ownerId) ?? '(deleted user)', name: d.name, shared: d.shared, widgets: widgetsOf(d), createdAt: d.createdAt, updatedAt: d.updatedAt, editable: mayEdit(d, p) };
}

function usernames(users: readonly UserRecord[]): Map<string, string> {
  return new Map(users.map((u) => [u.id, u.username]));
}

export function dashboardRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'not_found', message: 'no such dashboard' });
  const forbidden = (reply: FastifyReply) => reply.code(403).send({ error: 'forbidden', message: 'only its owner or an admin may change this dashboard' });

  async function ownerName(id: string): Promise<Map<string, string>> {
    const user = await ctx.store.getUser(id);
    return new Map(user ? [[user.id, user.username]] : []);
  }

  api.get('/api/v1/dashboards', {
    config: { access: 'viewer' },
    schema: { summary: 'Your dashboards and every shared one, by name', tags: ['dashboards'], response: { 200: z.object({ items: z.array(DashboardSchema) }), ...errors } },
  }, async (request) => {
    const p = principalOf(request);
    const [dashboards, users] = await Promise.all([ctx.store.listDashboards(p.user.id), ctx.store.listUsers()]);
    const owners = usernames(users);
    return { items: dashboards.map((d) => view(d, p, owners)) };
  });

  api.post('/api/v1/dashboards', {
    config: { access: 'viewer' },
    schema: { summary: 'Create a dashboard of your own (shared: everyone may view it)', tags: ['dashboards'], body: DashboardBodySchema, response: { 201: DashboardSchema, ...errors } },
  }, async (request, reply) => {
    const p = principalOf(request);
    const at = ctx.now();
    const record: DashboardRecord = { id: randomUUID(), ownerId: p.user.id, name: request.body.name, shared: request.body.shared, widgets: request.body.widgets, createdAt: at, updatedAt: at };
    if (!(await ctx.store.createDashboard(record))) return reply.code(409).send({ error: 'conflict', message: 'dashboard id taken; try again' });
    await ctx.store.appendAudit({ at, actor: p.actor, action: 'dashboard.create', subject: record.id, detail: { name: record.name, shared: record.shared, widgets: record.widgets.length } });
    return reply.code(201).send(view(record, p, new Map([[p.user.id, p.user.username]])));
  });

  api.get('/api/v1/dashboards/:id', {
    config: { access: 'viewer' },
    schema: { summary: 'One dashboard (yours, or a shared one)', tags: ['dashboards'], params: IdParams, response: { 200: DashboardSchema, ...errors } },
  }, async (request, reply) => {
    const p = principalOf(request);
    const d = await ctx.store.getDashboard(request.params.id);
    // Someone else's private dashboard is not found, not forbidden: its existence is private too.
    if (!d || !mayRead(d, p)) return notFound(reply);
    return view(d, p, await ownerName(d.ownerId));
  });

  api.put('/api/v1/dashboards/:id', {
    config: { access: 'viewer' },
    schema: { summary: 'Replace name, sharing and widgets (owner or admin)', tags: ['dashboards'], params: IdParams, body: DashboardBodySchema, response: { 200: DashboardSchema, ...errors } },
  }, async (request, reply) => {
    const p = principalOf(request);
    const d = await ctx.store.getDashboard(request.params.id);
    if (!d || !mayRead(d, p)) return notFound(reply);
    if (!mayEdit(d, p)) return forbidden(reply);
    const updated: DashboardRecord = { ...d, name: request.body.name, shared: request.body.shared, widgets: request.body.widgets, updatedAt: ctx.now() };
    await ctx.store.updateDashboard(updated);
    await ctx.store.appendAudit({
      at: updated.updatedAt,
      actor: p.actor,
      action: 'dashboard.update',
      subject: d.id,
      detail: { before: { name: d.name, shared: d.shared, widgets: d.widgets.length }, after: { name: updated.name, shared: updated.shared, widgets: updated.widgets.length } },
    });
    return view(updated, p, await ownerName(d.ownerId));
  });

  api.post('/api/v1/dashboards/:id/delete', {
    config: { access: 'viewer' },
    schema: { summary: 'Delete a dashboard (owner or admin)', tags: ['dashboards'], params: IdParams, response: { 200: OkSchema, ...errors } },
  }, async (request, reply) => {
    const p = principalOf(request);
    const d = await ctx.store.getDashboard(request.params.id);
    if (!d || !mayRead(d, p)) return notFound(reply);
    if (!mayEdit(d, p)) return forbidden(reply);
    if (!(await ctx.store.deleteDashboard(d.id))) return notFound(reply);
    await ctx.store.appendAudit({ at: ctx.now(), actor: p.actor, action: 'dashboard.delete', subject: d.id, detail: { name: d.name, owner: d.ownerId } });
    return { ok: true as const };
  });
}
