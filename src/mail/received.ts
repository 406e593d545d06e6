/**
 * Received headers → ReceivedHop. The format is only loosely standardised (RFC 5321 §4.4
 * gives `from HELO (rDNS [IP]) by HOST ...; date`), so each part is found independently and
 * a hop with unrecognised parts still yields what could be read.
 */
import { isIP } from 'node:net';
import type { ReceivedHop } from '../core/message.js';

const IPV4 = /\b((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})\b/;

/** First IP literal in the text: `[1.2.3.4]`, `[IPv6:2001:db8::1]`, `[2001:db8::1]` or bare IPv4. */
function findIp(text: string): string | null {
  for (const m of text.matchAll(/\[(?:ipv6:)?([0-9a-f:.]+)\]/gi)) {
    const candidate = m[1] ?? '';
    if (isIP(candidate)) return candidate.toLowerCase();
  }
  const v4 = IPV4.exec(text);
  return v4?.[1] ?? null;
}

export function parseReceived(value: string): ReceivedHop {
  const semi = value.lastIndexOf(';');
  const body = semi >= 0 ? value.slice(0, semi) : value;
  const dateText = semi >= 0 ? value.slice(semi + 1).replace(/\([^)]*\)/g, '').trim() : '';
  const parsedDate = dateText ? Date.parse(dateText) : NaN;

  // `from X (...)` up to the next keyword; the parenthesised part holds rDNS and IP.
  const fromMatch = /\bfrom\s+(\S+)(?:\s+\(([^)]*)\))?/i.exec(body);
  const helo = fromMatch?.[1]?.toLowerCase() ?? null;
  const comment = fromMatch?.[2] ?? '';
  const fromSection = /\bfrom\s+([\s\S]*?)(?:\bby\b|$)/i.exec(body)?.[1] ?? '';
  // In `(rdns.example [1.2.3.4])` the name before the bracket is the reverse name; `(HELO x)` style
  // comments and `unknown` mean no reverse name was recorded.
  const reverseMatch = /^\s*([a-z0-9_.-]+\.[a-z0-9_-]+)\.?\s*\[/i.exec(comment);
  const reverseName = reverseMatch?.[1] && reverseMatch[1].toLowerCase() !== 'unknown' ? reverseMatch[1].toLowerCase() : null;
  const by = /\bby\s+([a-z0-9_.-]+)/i.exec(body)?.[1]?.toLowerCase() ?? null;

  return {
    helo,
    reverseName,
    ip: findIp(fromSection || body),
    by,
    date: Number.isFinite(parsedDate) ? parsedDate : null,
  };
}
