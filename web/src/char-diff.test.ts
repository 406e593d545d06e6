import { describe, expect, it } from 'vitest';
import { charChanges, charDiff, codePoints, domainDiff } from './char-diff';

/** The two sides rebuilt from the ops: what each domain row shows. */
function sides(a: string, b: string): { left: string; right: string } {
  const ops = charDiff(a, b);
  return {
    left: ops.filter((op) => op.kind !== 'added').map((op) => op.char).join(''),
    right: ops.filter((op) => op.kind !== 'removed').map((op) => op.char).join(''),
  };
}

describe('charDiff', () => {
  it('finds a swapped character and keeps both sides whole', () => {
    const ops = charDiff('corvid-1abs.example', 'corvid-labs.example');
    expect(sides('corvid-1abs.example', 'corvid-labs.example')).toEqual({ left: 'corvid-1abs.example', right: 'corvid-labs.example' });
    expect(charChanges(ops)).toEqual([{ left: '1', right: 'l' }]);
    expect(ops.filter((op) => op.kind === 'same')).toHaveLength(18);
  });

  it('groups a two-for-one imitation (rn for m) into one change', () => {
    expect(charChanges(charDiff('rnicrosoft.com', 'microsoft.com'))).toEqual([{ left: 'rn', right: 'm' }]);
  });

  it('treats an added character as a change with nothing on the other side', () => {
    expect(charChanges(charDiff('paypal.com', 'paypall.com'))).toEqual([{ left: '', right: 'l' }]);
  });

  it('reports no change for identical domains', () => {
    expect(charChanges(charDiff('example.org', 'example.org'))).toEqual([]);
  });

  it('compares code points, so a Cyrillic homoglyph is one character and named by its code point', () => {
    const changes = charChanges(charDiff('\u0430pple.com', 'apple.com'));
    expect(changes).toEqual([{ left: '\u0430', right: 'a' }]);
    expect(codePoints(changes[0]?.left ?? '')).toBe('U+0430');
    expect(charDiff('\u{1D41A}b', 'ab')).toEqual([
      { kind: 'removed', char: '\u{1D41A}' },
      { kind: 'added', char: 'a' },
      { kind: 'same', char: 'b' },
    ]);
  });
});

describe('domainDiff', () => {
  it('shows a swapped top-level domain as one replaced label', () => {
    expect(charChanges(domainDiff('corvid-labs.net', 'corvid-labs.example'))).toEqual([{ left: 'net', right: 'example' }]);
  });

  it('keeps character changes inside a label that mostly matches', () => {
    expect(charChanges(domainDiff('corvid-1abs.example', 'corvid-labs.example'))).toEqual([{ left: '1', right: 'l' }]);
    expect(charChanges(domainDiff('\u0441orvid-labs.example', 'corvid-labs.example'))).toEqual([{ left: '\u0441', right: 'c' }]);
  });

  it('falls back to the whole names when the label counts differ', () => {
    expect(charChanges(domainDiff('corvid-labs.example.co', 'corvid-labs.example'))).toEqual([{ left: '.co', right: '' }]);
  });
});
