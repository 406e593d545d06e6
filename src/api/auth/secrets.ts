import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session ids and API token secrets. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The CSRF token for a session: derived from the session id (a secret only the HttpOnly cookie
 * holds), so a cross-site page can neither read nor compute it and the server stores nothing.
 */
export function csrfTokenFor(sessionId: string): string {
  return sha256Hex(`belong-csrf\0${sessionId}`);
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens carry a recognisable prefix so secret scanners can spot a leaked one. */
export const TOKEN_PREFIX = 'belong_';
