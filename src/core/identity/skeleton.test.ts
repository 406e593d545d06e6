import { describe, expect, it } from 'vitest';
import { areConfusable, foldedSkeleton, skeleton } from './skeleton.js';

describe('UTS #39 skeleton (ASCII prototypes)', () => {
  it('maps Cyrillic and Greek look-alikes to their Latin prototypes', () => {
    expect(skeleton('p\u0430yp\u0430l')).toBe('paypal'); // Cyrillic а
    expect(skeleton('\u03bfk')).toBe('ok'); // Greek omicron
  });

  it('maps digits and capitals the way the table does, case-folded for comparison', () => {
    expect(skeleton('paypa1')).toBe('paypal');
    expect(skeleton('g00gle')).toBe('gOOgle');
    expect(foldedSkeleton('g00gle')).toBe('google');
    expect(foldedSkeleton('PAYPAL')).toBe('paypal');
    expect(foldedSkeleton('WHITFIELD')).toBe(foldedSkeleton('whitfield'));
  });

  it('leaves characters without an ASCII twin alone, and drops accents only in the folded form', () => {
    expect(skeleton('яндекс')).toContain('я');
    expect(skeleton('café')).toBe('cafe\u0301');
    expect(foldedSkeleton('café')).toBe('cafe');
    // UTS #39 itself reads 'm' as 'rn', so both spellings share a skeleton.
    expect(foldedSkeleton('rnicrosoft')).toBe(foldedSkeleton('microsoft'));
  });

  it('calls two strings confusable only when they differ and read the same', () => {
    expect(areConfusable('p\u0430ypal', 'paypal')).toBe(true);
    expect(areConfusable('paypal', 'PayPal')).toBe(false);
    expect(areConfusable('paypal', 'paypai')).toBe(false);
  });
});
