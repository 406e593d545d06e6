import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test-harness.js';

let h: Harness;
type Session = { cookie: string; csrf: string };
let admin: Session;
let ana: Session;
let vic: Session;
let vicId: string;

beforeAll(async () => {
  h = await startHarness();
  await h.addUser('ana', 'analyst');
  vicId = await h.addUser('vic', 'viewer');
  [admin, ana, vic] = await Promise.all([h.login('admin'), h.login('ana'), h.login('vic')]);
});
afterAll(async () => {
  await h.close();
});

const send = async (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const response = await h.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};

const widgets = [
  { id: 'w1', title: 'Held this month', filter: { action: 'hold' }, view: { type: 'timeseries' }, days: 30 },
  { id: 'w2', title: 'Executives by tag', filter: { group: 'executives', minScore: 50, sender: 'Mallory@Evil.Example' }, view: { type: 'bar', by: 'tag' }, days: 7 },
  { id: 'w3', title: 'Newest', filter: {}, view: { type: 'table' }, days: 1 },
];

describe('dashboards', () => {
  it('lets a viewer create their own, private or shared, and audits it', async () => {
    const created = await send(vic, 'POST', '/api/v1/dashboards', { name: ' My view ', shared: false, widgets });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId: vicId, owner: 'vic', name: 'My view', shared: false, editable: true });
    expect((created.body.widgets as Array<{ filter: Record<string, unknown> }>)[1]?.filter).toEqual({ group: 'executives', minScore: 50, sender: 'mallory@evil.example' });
    const audit = await h.store.listAudit({ limit: 5, subject: created.body.id as string });
    expect(audit.map((e) => [e.action, e.actor, e.detail])).toEqual([['dashboard.create', 'vic', { name: 'My view', shared: false, widgets: 3 }]]);
  });

  it('shows your own and the shared ones; others see a shared one read-only and a private one not at all', async () => {
    const shared = (await send(ana, 'POST', '/api/v1/dashboards', { name: 'Team', shared: true, widgets: [] })).body;
    const mine = (await send(vic, 'POST', '/api/v1/dashboards', { name: 'Private', shared: false, widgets: [] })).body;
    const listed = (await send(vic, 'GET', '/api/v1/dashboards')).body.items as Array<{ name: string; editable: boolean; owner: string }>;
    expect(listed.map((d) => [d.name, d.owner, d.editable])).toEqual([
      ['My view', 'vic', true],
      ['Private', 'vic', true],
      ['Team', 'ana', false],
    ]);
    expect((await send(vic, 'GET', `/api/v1/dashboards/${shared.id as string}`)).body).toMatchObject({ name: 'Team', editable: false });
    expect((await send(ana, 'GET', `/api/v1/dashboards/${mine.id as string}`)).status).toBe(404);
    expect(((await send(ana, 'GET', '/api/v1/dashboards')).body.items as Array<{ name: string }>).map((d) => d.name)).toEqual(['Team']);
  });

  it("refuses changing someone else's dashboard; the owner and an admin may, and it is audited", async () => {
    const team = (await send(ana, 'POST', '/api/v1/dashboards', { name: 'Ops', shared: true, widgets: [] })).body;
    const url = `/api/v1/dashboards/${team.id as string}`;
    expect((await send(vic, 'PUT', url, { name: 'Mine now', shared: true, widgets: [] })).status).toBe(403);
    expect((await send(vic, 'POST', `${url}/delete`)).status).toBe(403);
    const renamed = await send(ana, 'PUT', url, { name: 'Ops board', shared: true, widgets: [widgets[0]] });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Ops board', owner: 'ana', editable: true } });
    expect((await send(admin, 'PUT', url, { name: 'Ops (admin)', shared: false, widgets: [] })).body).toMatchObject({ name: 'Ops (admin)', shared: false, editable: true, owner: 'ana' });
    expect((await send(admin, 'POST', `${url}/delete`)).body).toEqual({ ok: true });
    expect((await send(ana, 'GET', url)).status).toBe(404);
    const audit = await h.store.listAudit({ limit: 10, subject: team.id as string });
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['dashboard.delete', 'admin'],
      ['dashboard.update', 'admin'],
      ['dashboard.update', 'ana'],
      ['dashboard.create', 'ana'],
    ]);
    expect(audit[2]?.detail).toEqual({ before: { name: 'Ops', shared: true, widgets: 0 }, after: { name: 'Ops board', shared: true, widgets: 1 } });
  });

  it('refuses malformed widgets and names', async () => {
    const bad = [
      { name: '', shared: false, widgets: [] },
      { name: 'x', shared: false, widgets: [{ ...widgets[0], view: { type: 'bar' } }] },
      { name: 'x', shared: false, widgets: [{ ...widgets[0], view: { type: 'bar', by: 'colour' } }] },
      { name: 'x', shared: false, widgets: [{ ...widgets[0], days: 0 }] },
      { name: 'x', shared: false, widgets: [{ ...widgets[0], filter: { evil: true } }] },
      { name: 'x', shared: 'yes', widgets: [] },
    ];
    for (const payload of bad) expect((await send(vic, 'POST', '/api/v1/dashboards', payload)).status, JSON.stringify(payload)).toBe(400);
    expect((await send(vic, 'PUT', '/api/v1/dashboards/nope', { name: 'x', shared: false, widgets: [] })).status).toBe(404);
  });
});
