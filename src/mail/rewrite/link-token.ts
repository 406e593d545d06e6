import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Link tokens for `/l/<token>`: base64url(JSON payload) "." base64url(HMAC-SHA256). Without the
 * secret nobody can make or alter one (unguessable); the payload carries which verdict, which
 * link and where it goes, so the link page needs no lookup to show the destination.
 */
export interface LinkTokenPayload {
  readonly verdictId: string;
  readonly url: string;
  /** Position of the link in the message (0-based), for the click record. */
  readonly index: number;
}

function mac(secret: string | Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(`belong-link-v1.${body}`).digest();
}

export function signLinkToken(secret: string | Buffer, payload: LinkTokenPayload): string {
  if (secret.length < 16) throw new Error('link token secret must be at least 16 bytes');
  const body = Buffer.from(JSON.stringify({ v: payload.verdictId, u: payload.url, i: payload.index }), 'utf8').toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The payload when the token is intact and signed with this secret; null otherwise. */
export function verifyLinkToken(secret: string | Buffer, token: string): LinkTokenPayload | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u.test(token)) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v?: unknown; u?: unknown; i?: unknown };
    if (typeof parsed.v !== 'string' || typeof parsed.u !== 'string' || typeof parsed.i !== 'number') return null;
    return { verdictId: parsed.v, url: parsed.u, index: parsed.i };
  } catch {
    return null;
  }
}
