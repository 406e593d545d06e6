/** Address headers → MailAddress, tolerant of comments, groups, IDN and plain garbage. */
import { addressParser, decodeWords } from 'postal-mime';
import type { MailAddress } from '../core/message.js';
import { registrableDomain, toUnicodeDomain } from './domains.js';
import { MAX_RECIPIENTS } from './limits.js';

// RFC 5322 comments survive some parsers inside the addr-spec (`pete(his account)@silly.test`).
const COMMENT = /\((?:[^()\\]|\\.)*\)/g;

export function makeAddress(name: string, rawAddress: string): MailAddress {
  const cleaned = rawAddress.replace(COMMENT, '').replace(/[<>\s]/g, '').toLowerCase();
  const at = cleaned.lastIndexOf('@');
  const local = at >= 0 ? cleaned.slice(0, at) : cleaned;
  const domain = at >= 0 ? toUnicodeDomain(cleaned.slice(at + 1).replace(/^\[|\]$/g, '')) : '';
  return {
    name: decodeWords(name).replace(/\s+/g, ' ').trim(),
    address: at >= 0 ? `${local}@${domain}` : cleaned,
    local,
    domain,
    registrableDomain: domain ? registrableDomain(domain) : null,
  };
}

/** Every mailbox in an address header, groups flattened, bounded by MAX_RECIPIENTS. */
export function parseAddressList(value: string | undefined, defects: string[], field: string): MailAddress[] {
  if (!value) return [];
  let parsed: Array<{ name: string; address?: string | undefined }>;
  try {
    parsed = addressParser(value, { flatten: true });
  } catch {
    defects.push(`address-unparseable:${field}`);
    return [];
  }
  if (parsed.length > MAX_RECIPIENTS) defects.push(`recipients-truncated:${field}`);
  const out = parsed.slice(0, MAX_RECIPIENTS).map((m) => makeAddress(m.name, m.address ?? ''));
  if (out.some((a) => a.address !== '' && !a.address.includes('@'))) defects.push(`address-without-domain:${field}`);
  return out;
}

/** A single-mailbox header (From, Sender, Return-Path): the first mailbox, if any. */
export function parseSingleAddress(value: string | undefined, defects: string[], field: string): MailAddress | null {
  const list = parseAddressList(value, defects, field);
  if (list.length > 1 && field !== 'from') defects.push(`multiple-addresses:${field}`);
  return list[0] ?? null;
}
