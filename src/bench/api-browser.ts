/**
 * The API as a browser sees it, over real HTTP (Node's fetch, undici, keep-alive): log in once
 * with a password, keep the session cookie, and time GET requests including reading and
 * parsing the whole JSON answer, which is what a dashboard waits for.
 */
import { performance } from 'node:perf_hooks';

export interface TimedAnswer<T> {
  readonly ms: number;
  readonly body: T;
  /** Length of the JSON text. */
  readonly bytes: number;
}

export class ApiBrowser {
  private constructor(private readonly base: string, private readonly cookie: string) {}

  static async login(base: string, username: string, password: string): Promise<ApiBrowser> {
    const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    // Only the name=value part goes back, as a browser sends it.
    const session = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('belong_session='));
    if (!session) throw new Error('login answered without a session cookie');
    return new ApiBrowser(base, session);
  }

  /** Fails on anything but 200, so a slow error page is never mistaken for a fast answer. */
  async get<T>(pathAndQuery: string): Promise<TimedAnswer<T>> {
    const started = performance.now();
    const response = await fetch(`${this.base}${pathAndQuery}`, { headers: { cookie: this.cookie, accept: 'application/json' } });
    const text = await response.text();
    const body = JSON.parse(text) as T;
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}: ${text.slice(0, 300)}`);
    return { ms, body, bytes: Buffer.byteLength(text) };
  }

  /** Query parameters the API documents for GET `path` (its OpenAPI document is public). */
  async documentedParameters(path: string): Promise<Set<string>> {
    const response = await fetch(`${this.base}/api/docs`);
    const doc = (await response.json()) as { paths?: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }> };
    return new Set((doc.paths?.[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  }
}
