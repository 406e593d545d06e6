/**
 * The sending network of an IP address: /24 for IPv4, /48 for IPv6 — the granularity at which
 * one organisation's outbound mail servers usually sit together. Written by hand (a dozen
 * lines) because core/ imports no packages and node:net is I/O-land.
 */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/u;

function ipv4Network(ip: string): string | null {
  const m = IPV4.exec(ip);
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return `${octets.slice(0, 3).join('.')}.0/24`;
}

/** Expand an IPv6 address to its eight 16-bit groups; null when malformed. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/^\[|\]$/gu, '').replace(/^ipv6:/u, '');
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/u.exec(text);
  if (v4?.[1]) {
    const o = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${(((o[0] ?? 0) << 8) | (o[1] ?? 0)).toString(16)}:${(((o[2] ?? 0) << 8) | (o[3] ?? 0)).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/u.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

export function networkOf(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const trimmed = ip.trim().replace(/^\[|\]$/gu, '');
  const v4 = ipv4Network(trimmed.replace(/^::ffff:/iu, ''));
  if (v4) return v4;
  const groups = ipv6Groups(trimmed);
  if (!groups) return null;
  return `${groups.slice(0, 3).map((g) => g.toString(16)).join(':')}::/48`;
}

/** Loopback, private, link-local and CGNAT space: hops there are inside someone's own network, not the sending edge. */
export function isNonPublicIp(ip: string): boolean {
  const t = ip.trim().replace(/^\[|\]$/gu, '').replace(/^::ffff:/iu, '').toLowerCase();
  const m = IPV4.exec(t);
  if (m) {
    const [a = 0, b = 0] = m.slice(1, 3).map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  return t === '::1' || t.startsWith('fe80:') || t.startsWith('fc') || t.startsWith('fd');
}
