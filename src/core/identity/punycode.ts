/**
 * Punycode (RFC 3492) decoding of IDN labels (`xn--pypal-4ve` → `pаypal`), so lookalike and
 * confusable checks see the characters a mail client shows. Written here because core/ may not
 * import node:url or packages; decoding only, bounded by the label's length.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const ACE_PREFIX = 'xn--';
/** DNS labels are at most 63 octets; anything longer is not a label we decode. */
const MAX_LABEL = 63;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // '0'..'9' → 26..35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // 'a'..'z' → 0..25
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  return BASE;
}

/** Decode the part after `xn--`; null when it is not valid Punycode. */
export function decodePunycode(input: string): string | null {
  if (input.length > MAX_LABEL) return null;
  const basicEnd = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * (MAX_LABEL + 1)) return null;
    }
    const points = output.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** A domain with every `xn--` label decoded; labels that fail to decode stay as written. */
export function toUnicodeDomain(domain: string): string {
  return domain
    .split('.')
    .map((label) => (label.toLowerCase().startsWith(ACE_PREFIX) ? (decodePunycode(label.slice(ACE_PREFIX.length)) ?? label) : label))
    .join('.');
}

export function isPunycodeDomain(domain: string): boolean {
  return domain.split('.').some((label) => label.toLowerCase().startsWith(ACE_PREFIX));
}
