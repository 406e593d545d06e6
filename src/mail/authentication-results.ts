/**
 * Reading the receiving MTA's verdict (RFC 8601 `Authentication-Results`, RFC 8617
 * `ARC-Authentication-Results`) when belong cannot check for itself. Only the first header from
 * the top written by the organisation's own servers is trusted: anything below the trust
 * boundary may have been written by the sender (DESIGN: "Authentication when belong is not the
 * first hop").
 */
import type { AuthResults } from '../core/message.js';
import { domainOf, toAuthOutcome } from './auth-outcome.js';

export interface ResInfo {
  /** Method name, lower-cased, without version (`dkim`, `spf`, `dmarc`, `arc`, ...). */
  readonly method: string;
  /** Result word as written, lower-cased. */
  readonly result: string;
  /** `ptype.property` (lower-cased) → value, unquoted; plus `reason` and vendor extras such as `action`. */
  readonly props: Readonly<Record<string, string>>;
  /** Text of the comments attached to this result, without the parentheses. */
  readonly comments: readonly string[];
}

export interface ParsedAuthResults {
  /** Null when the header has none (Microsoft writes some without one): never trustable. */
  readonly authservId: string | null;
  /** ARC instance (`i=`), for ARC-Authentication-Results only. */
  readonly instance: number | null;
  readonly results: readonly ResInfo[];
}

interface Segment {
  readonly text: string;
  readonly comments: string[];
}

/** Split on `;` outside quotes and comments; comments are lifted out (they may nest). */
function segments(value: string): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let comments: string[] = [];
  let comment = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === '\\' && (quoted || depth > 0)) {
      const next = value[++i] ?? '';
      if (depth > 0) comment += next;
      else text += ch + next;
    } else if (depth > 0) {
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      if (depth > 0) comment += ch;
      else {
        comments.push(comment.trim());
        comment = '';
        text += ' ';
      }
    } else if (ch === '"') {
      quoted = !quoted;
      text += ch;
    } else if (ch === '(' && !quoted) {
      depth = 1;
    } else if (ch === ';' && !quoted) {
      out.push({ text, comments });
      text = '';
      comments = [];
    } else {
      text += ch;
    }
  }
  out.push({ text, comments });
  return out.filter((s) => s.text.trim().length > 0 || s.comments.length > 0);
}

/** Whitespace-separated words, with CFWS around `=` removed and quoted strings kept whole. */
function words(text: string): string[] {
  const compact = text.replace(/\s*=\s*/g, '=').trim();
  return compact.match(/(?:[^\s"]+|"(?:[^"\\]|\\.)*")+/g) ?? [];
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

function parseResInfo(segment: Segment): ResInfo | null {
  const [head, ...rest] = words(segment.text);
  const eq = head?.indexOf('=') ?? -1;
  if (!head || eq <= 0) return null;
  const method = head.slice(0, eq).toLowerCase().split('/')[0] ?? '';
  const result = unquote(head.slice(eq + 1)).toLowerCase();
  const props: Record<string, string> = {};
  for (const word of rest) {
    const at = word.indexOf('=');
    if (at > 0) props[word.slice(0, at).toLowerCase()] = unquote(word.slice(at + 1));
  }
  return { method, result, props, comments: segment.comments };
}

/** Parse one header value. `arc` expects the `i=N;` prefix of ARC-Authentication-Results. */
export function parseAuthenticationResults(value: string, options: { arc?: boolean } = {}): ParsedAuthResults {
  const parts = segments(value);
  let instance: number | null = null;
  if (options.arc) {
    const match = /^\s*i=(\d+)\s*$/i.exec(parts[0]?.text ?? '');
    if (match) {
      instance = Number(match[1]);
      parts.shift();
    }
  }
  // authserv-id [version]; a first part that already holds `method=result` means there is no id.
  const first = parts[0]?.text.trim() ?? '';
  const authservId = first.length > 0 && !first.includes('=') ? (words(first)[0] ?? '').toLowerCase() : null;
  if (authservId !== null) parts.shift();
  const results = parts.map(parseResInfo).filter((r): r is ResInfo => r !== null && r.method !== 'none');
  return { authservId: authservId || null, instance, results };
}

export interface UpstreamTrust {
  readonly orgDomains: readonly string[];
  readonly trustedAuthservIds: readonly string[];
}

/** An authserv-id the organisation vouches for: a host under one of its domains, or configured. */
export function isTrustedAuthservId(authservId: string, trust: UpstreamTrust): boolean {
  const id = authservId.trim().toLowerCase().replace(/\.$/, '');
  if (id.length === 0) return false;
  if (trust.trustedAuthservIds.some((t) => t.trim().toLowerCase().replace(/\.$/, '') === id)) return true;
  return trust.orgDomains
    .map((d) => d.trim().toLowerCase().replace(/\.$/, ''))
    .some((d) => d.length > 0 && (id === d || id.endsWith(`.${d}`)));
}

function firstOf(parsed: ParsedAuthResults, method: string): ResInfo | undefined {
  return parsed.results.find((r) => r.method === method);
}

/** DMARC policy as written by common MTAs: `policy.dmarc=reject` or a `(p=REJECT ...)` comment. */
function dmarcPolicy(info: ResInfo): string | null {
  const prop = info.props['policy.dmarc'] ?? info.props['policy.published-domain-policy'];
  if (prop) return prop.toLowerCase();
  for (const comment of info.comments) {
    const match = /(?:^|\s)p=([a-z]+)/i.exec(comment);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}

/** Map a parsed header to AuthResults; methods the header does not mention stay 'unknown'. */
export function toUpstreamAuthResults(parsed: ParsedAuthResults): AuthResults {
  const spf = firstOf(parsed, 'spf');
  const dmarc = firstOf(parsed, 'dmarc');
  const arc = firstOf(parsed, 'arc');
  const dkim = parsed.results
    .filter((r) => r.method === 'dkim')
    .map((r) => ({
      result: toAuthOutcome(r.result),
      domain: domainOf(r.props['header.d']) ?? domainOf(r.props['header.i']) ?? '',
      selector: r.props['header.s'] ?? null,
    }))
    // `dkim=none header.d=none` reports an absent signature, not a signature.
    .filter((d) => d.domain.length > 0 && d.domain !== 'none');
  return {
    source: 'upstream',
    authservId: parsed.authservId,
    spf: {
      result: spf ? toAuthOutcome(spf.result) : 'unknown',
      domain: spf ? (domainOf(spf.props['smtp.mailfrom']) ?? domainOf(spf.props['smtp.helo'])) : null,
    },
    dkim,
    dmarc: {
      result: dmarc ? toAuthOutcome(dmarc.result) : 'unknown',
      domain: dmarc ? domainOf(dmarc.props['header.from']) : null,
      policy: dmarc ? dmarcPolicy(dmarc) : null,
    },
    arc: { result: arc ? toAuthOutcome(arc.result) : 'unknown' },
  };
}

/**
 * The verdict of the first (top-most) Authentication-Results or ARC-Authentication-Results
 * header whose authserv-id the organisation trusts; every other one is ignored. Headers are in
 * message order, names lower-cased. Null when none is trusted.
 */
export function trustedUpstreamResults(
  headers: ReadonlyArray<{ readonly name: string; readonly value: string }>,
  trust: UpstreamTrust,
): AuthResults | null {
  for (const header of headers) {
    const arc = header.name === 'arc-authentication-results';
    if (!arc && header.name !== 'authentication-results') continue;
    const parsed = parseAuthenticationResults(header.value, { arc });
    if (parsed.authservId !== null && isTrustedAuthservId(parsed.authservId, trust)) {
      return toUpstreamAuthResults(parsed);
    }
  }
  return null;
}
