import { describe, expect, it } from 'vitest';
import { apiQueryOf, filterFromParams, offsetFromParams, paramsOf, startOfDay } from './message-filter';

describe('email list filters in the URL', () => {
  it('keeps only known, non-empty filters', () => {
    const params = new URLSearchParams('q=invoice&sender=&tag=Impersonation&evil=1&offset=50&minScore=60');
    expect(filterFromParams(params)).toEqual({ q: 'invoice', tag: 'Impersonation', minScore: '60' });
  });

  it('round-trips filters and page position through the query string', () => {
    const query = paramsOf({ tag: 'Lookalike Domain', action: 'hold', from: '2025-03-01' }, 100);
    expect(filterFromParams(query)).toEqual({ tag: 'Lookalike Domain', action: 'hold', from: '2025-03-01' });
    expect(offsetFromParams(query)).toBe(100);
    expect(paramsOf({ q: '  ' }, 0).toString()).toBe('');
  });

  it('reads a missing, negative or fractional offset as the first page', () => {
    expect(offsetFromParams(new URLSearchParams(''))).toBe(0);
    expect(offsetFromParams(new URLSearchParams('offset=-50'))).toBe(0);
    expect(offsetFromParams(new URLSearchParams('offset=2.5'))).toBe(0);
    expect(offsetFromParams(new URLSearchParams('offset=abc'))).toBe(0);
  });

  it('turns calendar days into instants, the "to" day included whole', () => {
    const query = apiQueryOf({ from: '2025-03-01', to: '2025-03-31', sender: 'a@b.example' });
    expect(query.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(query.to).toBe(new Date(2025, 3, 1).toISOString());
    expect(query.sender).toBe('a@b.example');
  });

  it('drops a date that is not a day rather than sending it', () => {
    expect(startOfDay('yesterday')).toBeUndefined();
    expect(apiQueryOf({ from: '2025-3-1' }).from).toBeUndefined();
  });
});
