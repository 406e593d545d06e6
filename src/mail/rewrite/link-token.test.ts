import { describe, expect, it } from 'vitest';
import { signLinkToken, verifyLinkToken } from './link-token.js';

const secret = 'a-test-secret-of-32-bytes-length!';

describe('link tokens', () => {
  it('round-trips and is URL-safe', () => {
    const token = signLinkToken(secret, { verdictId: 'v-1', url: 'https://example.com/a?b=c&d=é', index: 2 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u);
    expect(verifyLinkToken(secret, token)).toEqual({ verdictId: 'v-1', url: 'https://example.com/a?b=c&d=é', index: 2 });
  });

  it('refuses a token signed with another secret, altered, or malformed', () => {
    const token = signLinkToken(secret, { verdictId: 'v-1', url: 'https://example.com/', index: 0 });
    expect(verifyLinkToken('another-secret-of-enough-length', token)).toBeNull();
    const [body, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 'v-1', u: 'https://evil.example/', i: 0 })).toString('base64url');
    expect(verifyLinkToken(secret, `${forged}.${sig}`)).toBeNull();
    expect(verifyLinkToken(secret, `${body}.${sig.slice(0, -2)}`)).toBeNull();
    expect(verifyLinkToken(secret, 'nonsense')).toBeNull();
    expect(verifyLinkToken(secret, '')).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => signLinkToken('short', { verdictId: 'v', url: 'u', index: 0 })).toThrow();
  });
});
