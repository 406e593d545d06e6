/**
 * The DNS seam for authentication. mailauth takes an injected `resolver(name, rrtype)` and
 * expects answers shaped like `node:dns/promises` `resolve()`; tests and offline replay
 * inject a fake so no check ever depends on the network by accident.
 */
import { promises as dns } from 'node:dns';

export interface MxRecord {
  readonly exchange: string;
  readonly priority: number;
}

/**
 * What mailauth reads back: TXT → chunks per record (`string[][]`, it joins them),
 * A/AAAA/PTR/CNAME → `string[]`, MX → `{ exchange, priority }[]`.
 */
export type DnsAnswer = string[][] | string[] | MxRecord[];

export type Resolver = (name: string, rrtype: string) => Promise<DnsAnswer>;

/** The error codes node's resolver uses; mailauth treats the first two as "no record". */
export type DnsErrorCode = 'ENOTFOUND' | 'ENODATA' | 'ETIMEOUT' | 'ECONNREFUSED' | 'ESERVFAIL';

/** Records for one owner name. TXT strings longer than 255 octets are split like real DNS. */
export interface FakeRecords {
  readonly TXT?: ReadonlyArray<string | readonly string[]>;
  readonly A?: readonly string[];
  readonly AAAA?: readonly string[];
  readonly MX?: readonly MxRecord[];
  readonly PTR?: readonly string[];
  readonly CNAME?: readonly string[];
  /** Make every query for this name fail with this code (simulates a broken server). */
  readonly fail?: DnsErrorCode;
}

export type FakeZone = Readonly<Record<string, FakeRecords>>;

type RecordType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR' | 'CNAME';

const SYSCALL: Record<RecordType, string> = {
  TXT: 'queryTxt',
  A: 'queryA',
  AAAA: 'queryAaaa',
  MX: 'queryMx',
  PTR: 'queryPtr',
  CNAME: 'queryCname',
};

function isRecordType(rrtype: string): rrtype is RecordType {
  return Object.hasOwn(SYSCALL, rrtype);
}

/** An error indistinguishable (to mailauth) from one thrown by `node:dns`. */
export function dnsError(code: DnsErrorCode, name: string, rrtype: string): Error {
  const syscall = isRecordType(rrtype) ? SYSCALL[rrtype] : 'query';
  return Object.assign(new Error(`${syscall} ${code} ${name}`), { code, syscall, hostname: name });
}

/** True for errors that mean "could not ask", as opposed to "asked; no such record". */
export function isTransientDnsError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return code !== 'ENOTFOUND' && code !== 'ENODATA';
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function chunkTxt(value: string | readonly string[]): string[] {
  if (typeof value !== 'string') return [...value];
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += 255) chunks.push(value.slice(i, i + 255));
  return chunks.length > 0 ? chunks : [''];
}

function answer(records: FakeRecords, rrtype: RecordType): DnsAnswer | null {
  switch (rrtype) {
    case 'TXT':
      return records.TXT?.length ? records.TXT.map(chunkTxt) : null;
    case 'MX':
      return records.MX?.length ? records.MX.map((mx) => ({ ...mx })) : null;
    default: {
      const list = records[rrtype];
      return list?.length ? [...list] : null;
    }
  }
}

/**
 * A resolver answering from a declarative zone. Unknown names → ENOTFOUND (NXDOMAIN); a known
 * name (or an empty non-terminal above one) without records of the asked type → ENODATA.
 */
export function createFakeResolver(zone: FakeZone): Resolver {
  const table = new Map(Object.entries(zone).map(([name, records]) => [normalise(name), records]));
  const exists = (name: string): boolean =>
    table.has(name) || [...table.keys()].some((owner) => owner.endsWith(`.${name}`));

  return async (rawName, rawType) => {
    const name = normalise(rawName);
    const rrtype = rawType.toUpperCase();
    const records = table.get(name);
    if (records?.fail) throw dnsError(records.fail, rawName, rrtype);
    if (!exists(name)) throw dnsError('ENOTFOUND', rawName, rrtype);
    const found = records && isRecordType(rrtype) ? answer(records, rrtype) : null;
    if (!found) throw dnsError('ENODATA', rawName, rrtype);
    return found;
  };
}

/** A machine with no network: every query is refused, which mailauth reports as temperror. */
export const offlineResolver: Resolver = async (name, rrtype) => {
  throw dnsError('ECONNREFUSED', name, rrtype);
};

/** The real resolver, limited to the record types authentication asks for. */
export const systemResolver: Resolver = async (name, rrtype) => {
  switch (rrtype.toUpperCase()) {
    case 'TXT':
      return dns.resolveTxt(name);
    case 'A':
      return dns.resolve4(name);
    case 'AAAA':
      return dns.resolve6(name);
    case 'MX':
      return dns.resolveMx(name);
    case 'PTR':
      return dns.resolvePtr(name);
    case 'CNAME':
      return dns.resolveCname(name);
    default:
      // Not a transient failure: the type is simply never answered here.
      throw dnsError('ENODATA', name, rrtype);
  }
};
