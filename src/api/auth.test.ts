import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from './auth/bootstrap.js';
import { hashPassword, verifyPassword } from './auth/password.js';
import { AttemptLimiter } from './auth/rate-limit.js';
import { PASSWORD, type Harness, startHarness } from './test-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.addUser('ana', 'analyst');
  await h.addUser('vic', 'viewer');
});
afterAll(async () => {
  await h.close();
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const encoded = await hashPassword('s3cret-enough');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/u);
    expect(await verifyPassword('s3cret-enough', encoded)).toBe(true);
    expect(await verifyPassword('wrong', encoded)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});

describe('first start', () => {
  it('creates admin once, with a printed one-time password when none is given', async () => {
    const lines: string[] = [];
    const fresh = await startHarness();
    try {
      // The harness already created admin from a given password: nothing more happens.
      expect(await ensureFirstAdmin(fresh.store, { now: Date.now, write: (l) => lines.push(l) })).toBe(false);
      expect(lines).toEqual([]);
      const stored = await fresh.store.getUserByName('admin');
      expect(stored?.role).toBe('admin');
      expect(stored?.passwordHash).not.toContain(PASSWORD);
    } finally {
      await fresh.close();
    }
  });
});

describe('sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie, answers /me, and ends on logout', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Admin', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/u);
    expect(setCookie).toMatch(/SameSite=Strict/u);
    const { cookie, csrf } = await h.login('admin');
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { username: 'admin', role: 'admin' }, via: 'session', csrfToken: csrf });
    expect(JSON.stringify(me.json())).not.toContain('argon2');
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a wrong password and an expired session', async () => {
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'vic', password: 'nope' } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'nope' } })).statusCode).toBe(401);
    const short = await startHarness({ sessionTtlMs: 0 });
    try {
      const { cookie } = await short.login('admin');
      expect((await short.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('refuses a state-changing request without the CSRF header, or with another session\'s', async () => {
    const a = await h.login('admin');
    const b = await h.login('ana');
    const body = { name: 'x', scope: 'read' };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: a.cookie }, payload: body })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: a.cookie, 'x-csrf-token': b.csrf }, payload: body })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: body })).statusCode).toBe(201);
  });
});

describe('login rate limiting', () => {
  it('locks a username after five failures and lets others through', async () => {
    const own = await startHarness();
    try {
      await own.addUser('target', 'viewer');
      for (let i = 0; i < 5; i++) {
        expect((await own.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'target', password: `guess${i}` } })).statusCode).toBe(401);
      }
      const locked = await own.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'target', password: PASSWORD } });
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await own.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD } })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('limits per key within a window and forgets after it', () => {
    let now = 0;
    const limiter = new AttemptLimiter(2, 1000, () => now);
    limiter.hit('ip');
    expect(limiter.retryAfter('ip')).toBe(0);
    limiter.hit('ip');
    expect(limiter.retryAfter('ip')).toBe(1000);
    now = 1000;
    expect(limiter.retryAfter('ip')).toBe(0);
  });
});

describe('roles and tokens', () => {
  it('keeps users and settings to admins', async () => {
    const ana = await h.login('ana');
    const admin = await h.login('admin');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: ana.cookie } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/settings', headers: { cookie: ana.cookie } })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/settings', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    const users = await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin.cookie } });
    expect((users.json() as { items: Array<{ username: string }> }).items.map((u) => u.username)).toEqual(['admin', 'ana', 'vic']);
  });

  it('creates and disables users, each in the audit log; a disabled user is locked out at once', async () => {
    const admin = await h.login('admin');
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { username: 'Newbie', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { user, password } = created.json() as { user: { id: string; username: string }; password: string };
    expect(user.username).toBe('newbie');
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'newbie', password } });
    expect(login.statusCode).toBe(200);
    const cookie = `belong_session=${login.cookies.find((c) => c.name === 'belong_session')?.value}`;
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { username: 'newbie', role: 'viewer' } })).statusCode).toBe(409);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/disable`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const actions = (await h.store.listAudit({ limit: 50 })).filter((e) => e.subject === 'newbie').map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual(['admin user.disable', 'admin user.create']);
  });

  it('accepts Bearer tokens, keeps read tokens to reading, skips CSRF for tokens, and honours revocation', async () => {
    const ana = await h.login('ana');
    const make = async (scope: 'read' | 'write') =>
      (await h.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: ana.cookie, 'x-csrf-token': ana.csrf }, payload: { name: `ci ${scope}`, scope } })).json() as { token: { id: string }; secret: string };
    const read = await make('read');
    const write = await make('write');
    expect(read.secret).toMatch(/^belong_/u);
    const stored = await h.store.listApiTokens(null);
    expect(JSON.stringify(stored)).not.toContain(read.secret);
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/messages', headers: bearer(read.secret) })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/held/x/delete', headers: bearer(read.secret), payload: {} })).statusCode).toBe(403);
    // Write scope, analyst role, no CSRF header: reaches the handler (404: no such message).
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/held/x/delete', headers: bearer(write.secret), payload: {} })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(write.secret) })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/tokens/${read.token.id}/revoke`, headers: { cookie: ana.cookie, 'x-csrf-token': ana.csrf } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/messages', headers: bearer(read.secret) })).statusCode).toBe(401);
  });
});
