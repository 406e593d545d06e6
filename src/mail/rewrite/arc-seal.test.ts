import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { arcSeal } from './arc-seal.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const key = { signingDomain: 'example.org', selector: 'belong', privateKey };

describe('arcSeal', () => {
  it('prepends an ARC set (i=1, cv=none) to a rewritten message', async () => {
    const raw = Buffer.from('From: a@b.example\r\nTo: c@example.org\r\nSubject: hi\r\n\r\nbody\r\n');
    const result = await arcSeal(raw, key, 'belong.example.org; dkim=pass header.d=b.example');
    const text = result.raw.toString('latin1');
    expect(result.sealed).toBe(true);
    expect(text).toMatch(/^ARC-Seal: i=1; a=rsa-sha256;[\s\S]*cv=none/u);
    expect(text).toMatch(/ARC-Message-Signature: i=1;/u);
    expect(text).toMatch(/ARC-Authentication-Results: i=1; belong\.example\.org; dkim=pass/u);
    expect(result.raw.subarray(result.raw.length - raw.length).equals(raw)).toBe(true);
  });

  it('leaves a message with an existing ARC chain unsealed', async () => {
    const raw = Buffer.from('ARC-Seal: i=1; a=rsa-sha256; cv=none; d=x.example; s=s; b=AAAA\r\nFrom: a@b.example\r\n\r\nbody\r\n');
    expect((await arcSeal(raw, key, 'x; none')).sealed).toBe(false);
  });
});
