import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hashPassword } from '../../src/api/auth/password.js';
import { DASHBOARD_DIR } from '../../src/api/dashboard-static.js';
import { startBelongServer, type BelongServer } from '../../src/cli/serve-runtime.js';
import { prepareDemoOrganisation, type DemoOrganisation } from '../../src/demo/demo-organisation.js';
import type { Role } from '../../src/store/accounts.js';

/** Debian's chromium (`.ci/run` installs it); playwright-core brings no browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test/browser/screenshots');
export const PASSWORD = 'browser tests password';

/**
 * Everything a browser test needs: a store with a realistic small organisation (the simulator's
 * Corvid Labs at small scale, its learn period learned and its test month scored up to today,
 * so there is held mail, lookalikes and impersonation), the real server (serve's own
 * start-up, API + built dashboard) on 127.0.0.1, users of every role, and headless chromium.
 */
export interface BrowserHarness {
  readonly server: BelongServer;
  readonly organisation: DemoOrganisation;
  readonly browser: Browser;
  readonly url: string;
  /** A fresh browser context logged in through the login form as `username`. */
  loggedIn(username: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot as test/browser/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** The API as `username` sees it (a session of its own, with its CSRF token), for setting up and checking. */
  api(username: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface ApiClient {
  get<T>(url: string): Promise<T>;
  /** The raw response: tests look at refusals too. */
  post(url: string, body: unknown): Promise<Response>;
}

async function apiClient(base: string, username: string): Promise<ApiClient> {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`API login as ${username} failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async get<T>(url: string) {
      const response = await fetch(`${base}/api/v1${url}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: (url, body) => fetch(`${base}/api/v1${url}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}

/** The dashboard is built by `npm run build` (which `npm test` runs first); the tests never build it. */
export function dashboardBuilt(): boolean {
  return existsSync(path.join(DASHBOARD_DIR, 'index.html'));
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!dashboardBuilt()) throw new Error(`the dashboard is not built (${DASHBOARD_DIR}/index.html missing): run \`npm run build\` first (\`npm test\` does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'belong-browser-'));
  let organisation: DemoOrganisation | null = null;
  let server: BelongServer | null = null;
  try {
    organisation = await prepareDemoOrganisation({ dataDir: dir, seed: 1, scale: 'small', now: Date.now() });
    const { store } = organisation.context;
    server = await startBelongServer({
      context: organisation.context,
      listen: { host: '127.0.0.1', port: 0 },
      gateway: null,
      sessionTtlMs: 3_600_000,
      adminPassword: PASSWORD,
      write: () => undefined,
    });
    for (const [username, role] of [['analyst', 'analyst'], ['viewer', 'viewer']] as Array<[string, Role]>) {
      const at = Date.now();
      await store.createUser({ id: randomUUID(), username, role, passwordHash: await hashPassword(PASSWORD), disabled: false, createdAt: at, updatedAt: at });
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    const running = server;
    const seeded = organisation;
    return {
      server: running,
      organisation: seeded,
      browser,
      url: running.url,
      async loggedIn(username) {
        const context = await browser.newContext({ baseURL: running.url, viewport: { width: 1400, height: 1000 } });
        const page = await context.newPage();
        await page.goto('/');
        await page.getByLabel('Username').fill(username);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        return { context, page };
      },
      api: (username) => apiClient(running.url, username),
      async screenshot(page, name) {
        // The pointer parked in a corner: no tooltip from wherever the last click was.
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      },
      async close() {
        await browser.close();
        await running.close();
        await seeded.context.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server?.close();
    await organisation?.context.store.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
