import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Harness, startHarness } from '../test-harness.js';

let h: Harness;
type Session = { cookie: string; csrf: string };
let admin: Session;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.login('admin');
});
afterAll(async () => {
  await h.close();
});

const post = async (who: Session, url: string, payload: object) => {
  const response = await h.app.inject({ method: 'POST', url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
};
const me = async (who: Session) => (await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: who.cookie } })).statusCode;

describe('POST /auth/password', () => {
  it('needs the current password, keeps this session, ends the others, and audits', async () => {
    await h.addUser('pat', 'viewer');
    const here = await h.login('pat');
    const elsewhere = await h.login('pat');
    expect((await post(here, '/api/v1/auth/password', { current: 'wrong password', next: 'a brand new passphrase' })).status).toBe(403);
    expect((await post(here, '/api/v1/auth/password', { current: PASSWORD, next: 'too short' })).status).toBe(400);
    expect(await post(here, '/api/v1/auth/password', { current: PASSWORD, next: 'a brand new passphrase' })).toEqual({ status: 200, body: { ok: true } });
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    const login = async (password: string) => (await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'pat', password } })).statusCode;
    expect(await login(PASSWORD)).toBe(401);
    expect(await login('a brand new passphrase')).toBe(200);
    const [entry] = await h.store.listAudit({ limit: 1, subject: 'pat' });
    expect(entry).toMatchObject({ actor: 'pat', action: 'user.password_change' });
  });

  it('limits guessing the current password like login', async () => {
    await h.addUser('gus', 'viewer');
    const session = await h.login('gus');
    for (let i = 0; i < 5; i++) expect((await post(session, '/api/v1/auth/password', { current: `guess ${i}`, next: 'a brand new passphrase' })).status).toBe(403);
    expect((await post(session, '/api/v1/auth/password', { current: PASSWORD, next: 'a brand new passphrase' })).status).toBe(429);
  });
});

describe('POST /users/:id/role', () => {
  it("changes a role (admin only) and audits it, but never demotes the last active admin", async () => {
    const id = await h.addUser('rita', 'viewer');
    const rita = await h.login('rita');
    expect((await post(rita, `/api/v1/users/${id}/role`, { role: 'admin' })).status).toBe(403);
    expect(await post(admin, `/api/v1/users/${id}/role`, { role: 'analyst' })).toMatchObject({ status: 200, body: { id, username: 'rita', role: 'analyst' } });
    const [entry] = await h.store.listAudit({ limit: 1, subject: 'rita' });
    expect(entry).toMatchObject({ actor: 'admin', action: 'user.role', detail: { id, before: 'viewer', after: 'analyst' } });
    expect((await post(admin, `/api/v1/users/${id}/role`, { role: 'superuser' })).status).toBe(400);
    expect((await post(admin, '/api/v1/users/nobody/role', { role: 'viewer' })).status).toBe(404);

    const adminId = (await h.store.getUserByName('admin'))?.id ?? '';
    expect(await post(admin, `/api/v1/users/${adminId}/role`, { role: 'viewer' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    // With a second active admin, the first may step down.
    await post(admin, `/api/v1/users/${id}/role`, { role: 'admin' });
    expect(await post(admin, `/api/v1/users/${adminId}/role`, { role: 'analyst' })).toMatchObject({ status: 200, body: { role: 'analyst' } });
    expect((await h.store.getUserByName('admin'))?.role).toBe('analyst');
  });
});
