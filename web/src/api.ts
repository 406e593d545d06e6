/**
 * The dashboard's one door to the server: JSON over /api/v1 with the session cookie, plus the
 * CSRF header on every state-changing request (docs/api.md). A 401 means the session is gone.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Every problem a 400 lists (`problems` in the answer), when it lists them. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1` + path + query (empty and undefined values left out). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

let onUnauthorised: () => void = () => {};

/** Called once by the auth provider: a 401 anywhere sends the user back to the login page. */
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (data ?? {}) as { error?: string; message?: string; problems?: unknown };
    if (response.status === 401 && path !== '/auth/login') onUnauthorised();
    const problems = Array.isArray(error.problems) ? error.problems.filter((p): p is string => typeof p === 'string') : [];
    throw new ApiError(response.status, error.error ?? 'error', error.message ?? response.statusText, problems);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
