import type http from 'node:http';
import { verifyLinkToken, type LinkTokenPayload } from '../mail/rewrite/link-token.js';
import type { Store } from '../store/store.js';
import { declinedPage, doubleLockPage, lockPage, notFoundPage, type LinkView } from './html.js';

export interface LinkPageOptions {
  readonly store: Store;
  readonly secret: string | Buffer;
  readonly now?: () => number;
}

/**
 * No script, no external resource, no framing; the token never leaves in a Referer. `form-action`
 * is left out on purpose: browsers apply it to the redirect after "continue".
 */
const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

const MAX_ACTOR = 254;
/** Tokens carry a URL; real ones stay far below this. A longer path is not ours. */
const MAX_TOKEN = 8_192;

type Route = { token: string; action: 'view' | 'continue' | 'decline' } | null;

function route(pathname: string): Route {
  const match = /^\/l\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(\/continue|\/decline)?\/?$/u.exec(pathname);
  if (!match?.[1] || match[1].length > MAX_TOKEN) return null;
  return { token: match[1], action: match[2] === '/continue' ? 'continue' : match[2] === '/decline' ? 'decline' : 'view' };
}

/**
 * Who clicked, when the page is told: `?u=` (the rewriter or a portal may add it) or the
 * `X-Belong-User` header an authenticating reverse proxy sets. Unverified: it labels the
 * click record, it grants nothing.
 */
function actorOf(request: http.IncomingMessage, url: URL): string | null {
  const header = request.headers['x-belong-user'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('u');
  const cleaned = raw?.replace(/[\u0000-\u001f\u007f]/gu, '').trim().slice(0, MAX_ACTOR);
  return cleaned ? cleaned : null;
}

/** Only web links are ever opened; `javascript:`, `data:`, `file:` and the like are refused. */
function openableUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function send(response: http.ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...extra }).end(html);
}

/**
 * `/l/<token>`: GET shows where the link goes and why belong locked it; POST `/continue`
 * (lock only) records the click and redirects; POST `/decline` records a refusal. Continuing
 * is a POST so that mail scanners and link previewers, which GET every URL, neither record a
 * click nor get redirected. A double-locked link records the visit as blocked and offers no way on.
 */
export function createLinkHandler(options: LinkPageOptions): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  const now = options.now ?? Date.now;
  return (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, notFoundPage());
      else response.end();
    });
  };

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://link.invalid');
    const target = route(url.pathname);
    const payload: LinkTokenPayload | null = target ? verifyLinkToken(options.secret, target.token) : null;
    if (!target || !payload) return send(response, 404, notFoundPage());
    const method = request.method ?? 'GET';
    const wantsPost = target.action !== 'view';
    if (wantsPost ? method !== 'POST' : method !== 'GET' && method !== 'HEAD') {
      return send(response, 405, notFoundPage(), { allow: wantsPost ? 'POST' : 'GET, HEAD' });
    }
    const stored = await options.store.getVerdict(payload.verdictId);
    const verdict = stored?.verdict ?? null;
    // A signed token whose verdict is gone (pruned) is still ours: treat it as the safer lock.
    const doubleLocked = verdict?.actions.links === 'double_lock' || verdict?.actions.links === 'remove';
    const opened = openableUrl(payload.url);
    const actor = actorOf(request, url);
    const record = (outcome: 'continued' | 'blocked') => options.store.recordClick({ token: target.token, verdictId: payload.verdictId, url: payload.url, at: now(), actor, outcome });
    const carry = actor ? `?u=${encodeURIComponent(actor)}` : '';
    const view: LinkView = {
      url: payload.url,
      host: opened?.hostname ?? null,
      reason: verdict?.reason || 'belong locked links in this email because it does not look like the mail this organisation usually receives.',
      tags: verdict?.tags ?? [],
      from: verdict?.from ?? null,
      subject: verdict?.subject ?? null,
      continuePath: doubleLocked ? null : `/l/${target.token}/continue${carry}`,
      declinePath: doubleLocked ? null : `/l/${target.token}/decline${carry}`,
      openable: opened !== null,
    };
    if (target.action === 'view') {
      if (doubleLocked) {
        await record('blocked');
        return send(response, 200, doubleLockPage(view));
      }
      return send(response, 200, lockPage(view));
    }
    if (target.action === 'decline' || doubleLocked || !opened) {
      await record('blocked');
      return send(response, doubleLocked || !opened ? 403 : 200, doubleLocked ? doubleLockPage(view) : declinedPage());
    }
    await record('continued');
    response.writeHead(303, { location: opened.href, 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }).end();
  }
}
