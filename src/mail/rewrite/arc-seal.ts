import { createRequire } from 'node:module';

/**
 * ARC sealing of rewritten mail (RFC 8617): rewriting breaks the sender's DKIM body hash, so a
 * receiver that trusts belong can still see, through the seal, what authentication said before
 * the rewrite. Uses mailauth 4.9.5's `sealMessage` (CommonJS, untyped; checked at runtime).
 */
export interface ArcKey {
  readonly signingDomain: string;
  readonly selector: string;
  readonly privateKey: string | Buffer;
}

type SealFn = (raw: Buffer, seal: Record<string, unknown>) => Promise<Buffer>;

function sealFunction(): SealFn {
  const mod: unknown = createRequire(import.meta.url)('mailauth');
  const fn: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'sealMessage') : undefined;
  if (typeof fn !== 'function') throw new Error('mailauth does not export sealMessage()');
  return (raw, seal) => Promise.resolve(Reflect.apply(fn, undefined, [raw, seal]) as Buffer);
}

/**
 * The message with ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results prepended.
 * `authResults` is what belong found before rewriting (`authserv-id; dkim=pass ...`). A message
 * that already carries an ARC chain is returned unsealed: belong does not validate chains, and
 * extending one with a guessed `cv` would be a false statement.
 */
export async function arcSeal(raw: Buffer, key: ArcKey, authResults: string): Promise<{ raw: Buffer; sealed: boolean }> {
  const headerEnd = raw.indexOf('\r\n\r\n') === -1 ? raw.indexOf('\n\n') : raw.indexOf('\r\n\r\n');
  const header = raw.subarray(0, headerEnd === -1 ? raw.length : headerEnd).toString('latin1');
  if (/(^|\n)arc-seal\s*:/iu.test(header)) return { raw, sealed: false };
  const headers = await sealFunction()(raw, { signingDomain: key.signingDomain, selector: key.selector, privateKey: key.privateKey, authResults, cv: 'none' });
  return { raw: Buffer.concat([headers, raw]), sealed: headers.length > 0 };
}
