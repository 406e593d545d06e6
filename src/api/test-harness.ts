import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Quarantine } from '../quarantine/quarantine.js';
import type { Role } from '../store/accounts.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { QuarantineEntry, Store } from '../store/store.js';
import { ensureFirstAdmin } from './auth/bootstrap.js';
import { hashPassword } from './auth/password.js';
import type { ApiContext } from './context.js';
import { type ApiServer, buildApiServer } from './server.js';

export const PASSWORD = 'correct horse battery staple';

export interface Harness extends ApiServer {
  readonly store: Store;
  readonly quarantine: Quarantine;
  readonly delivered: Array<{ entry: QuarantineEntry; raw: Buffer }>;
  /** Logs in as `username` and returns the headers a browser would then send (cookie + CSRF). */
  login(username: string): Promise<{ cookie: string; csrf: string }>;
  addUser(username: string, role: Role): Promise<string>;
  close(): Promise<void>;
}

/** A server on a fresh SQLite store in a temp dir, with `admin` (password PASSWORD), for inject() tests. */
export async function startHarness(overrides: Partial<ApiContext> = {}): Promise<Harness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-api-'));
  const store = await openSqliteStore(path.join(dir, 'belong.db'));
  const quarantine = new Quarantine({ store, dir: path.join(dir, 'quarantine'), key: randomBytes(32) });
  const delivered: Array<{ entry: QuarantineEntry; raw: Buffer }> = [];
  await ensureFirstAdmin(store, { password: PASSWORD, now: Date.now, write: () => {} });
  const server = await buildApiServer({
    store,
    now: Date.now,
    quarantine,
    deliver: async (entry, raw) => {
      delivered.push({ entry, raw });
    },
    engine: null,
    org: () => ({ domains: ['example.org'], groups: { executives: ['ceo@example.org', 'cfo@example.org'] } }),
    config: null,
    secureCookies: false,
    sessionTtlMs: 3_600_000,
    ...overrides,
  });
  return {
    ...server,
    store,
    quarantine,
    delivered,
    async login(username) {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'belong_session');
      if (!cookie) throw new Error('no session cookie');
      return { cookie: `belong_session=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken };
    },
    async addUser(username, role) {
      const id = randomUUID();
      await store.createUser({ id, username, role, passwordHash: await hashPassword(PASSWORD), disabled: false, createdAt: Date.now(), updatedAt: Date.now() });
      return id;
    },
    async close() {
      await server.app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
