/**
 * Typed entry points into mailauth 4.9.5, which ships CommonJS without type declarations.
 * Loaded through createRequire and checked at runtime rather than declared ambiently, so a
 * mismatch fails loudly here instead of being hidden behind a hand-written `declare module`.
 * Results stay `unknown`: callers narrow what they read.
 */
import { createRequire } from 'node:module';
import type { Resolver } from './dns.js';

const load = createRequire(import.meta.url);

export interface MailauthOptions {
  readonly ip: string;
  readonly helo?: string;
  /** MAIL FROM; omitted for the null sender so SPF checks postmaster@helo (RFC 7208 §2.4). */
  readonly sender?: string;
  /** Our name in the generated Authentication-Results (otherwise os.hostname()). */
  readonly mta: string;
  readonly resolver: Resolver;
  readonly disableBimi?: boolean;
  readonly minBitLength?: number;
}

export interface DkimSignOptions {
  readonly canonicalization?: string;
  readonly algorithm?: string;
  readonly signTime?: Date;
  readonly signatureData: ReadonlyArray<{
    readonly signingDomain: string;
    readonly selector: string;
    readonly privateKey: string | Buffer;
    readonly algorithm?: string;
    readonly canonicalization?: string;
  }>;
}

type AsyncFn<A extends unknown[]> = (...args: A) => Promise<unknown>;

function exportedFunction<A extends unknown[]>(moduleId: string, name: string): AsyncFn<A> {
  const mod: unknown = load(moduleId);
  const fn: unknown = typeof mod === 'object' && mod !== null && name in mod ? Reflect.get(mod, name) : undefined;
  if (typeof fn !== 'function') throw new Error(`${moduleId} does not export ${name}()`);
  return (...args: A) => Promise.resolve(Reflect.apply(fn, undefined, args));
}

/** mailauth `authenticate()`: DKIM, SPF, ARC, DMARC (and BIMI unless disabled). */
export const mailauthAuthenticate = exportedFunction<[Buffer, MailauthOptions]>('mailauth', 'authenticate');

/** mailauth `dkimSign()`; resolves to `{ signatures: string, errors }` (headers to prepend). */
export const mailauthDkimSign = exportedFunction<[Buffer, DkimSignOptions]>('mailauth/lib/dkim/sign', 'dkimSign');
