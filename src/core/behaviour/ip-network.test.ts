import { describe, expect, it } from 'vitest';
import { isNonPublicIp, networkOf } from './ip-network.js';

describe('networkOf', () => {
  it('takes /24 of IPv4 and /48 of IPv6, including compressed and mapped forms', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('[198.51.100.1]')).toBe('198.51.100.0/24');
    expect(networkOf('::ffff:192.0.2.9')).toBe('192.0.2.0/24');
    expect(networkOf('2a00:1450:4864:20::52b')).toBe('2a00:1450:4864::/48');
    expect(networkOf('IPv6:2001:db8::1')).toBe('2001:db8:0::/48');
  });

  it('rejects what is not an address', () => {
    expect(networkOf('999.1.1.1')).toBeNull();
    expect(networkOf('mail.example.com')).toBeNull();
    expect(networkOf('1::2::3')).toBeNull();
    expect(networkOf(null)).toBeNull();
  });

  it('knows private, loopback, link-local and CGNAT space', () => {
    for (const ip of ['10.1.2.3', '192.168.0.1', '172.20.0.1', '127.0.0.1', '100.64.1.1', '::1', 'fe80::1', 'fd00::1']) expect(isNonPublicIp(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2a00:1450::1']) expect(isNonPublicIp(ip)).toBe(false);
  });
});
