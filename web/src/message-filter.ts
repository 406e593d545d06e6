/**
 * The email list's filters live in the page URL (so a filtered list can be bookmarked, shared
 * and linked to from charts and profiles). The URL keeps the API's parameter names, except
 * that `from`/`to` are calendar days (YYYY-MM-DD, the reader's local time, `to` inclusive)
 * which become ISO instants for the API. `offset` is the page position.
 */
export const FILTER_KEYS = ['q', 'sender', 'recipient', 'group', 'senderDomain', 'tag', 'action', 'direction', 'minScore', 'maxScore', 'from', 'to'] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

export const PAGE_SIZE = 50;

/** The filters present (non-empty) in a URL query. */
export function filterFromParams(params: URLSearchParams): FilterValues {
  const values: FilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) values[key] = value;
  }
  return values;
}

/** The page position in a URL query; 0 when absent or not a positive whole number. */
export function offsetFromParams(params: URLSearchParams): number {
  const offset = Number(params.get('offset'));
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The URL query for filters and a page position (empty values and offset 0 left out). */
export function paramsOf(values: FilterValues, offset = 0): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key]?.trim();
    if (value) params.set(key, value);
  }
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Local midnight at the start of a YYYY-MM-DD day, as an ISO instant; undefined when not a day. */
export function startOfDay(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The GET /messages query for these filters: days become instants, `to` covers its whole day. */
export function apiQueryOf(values: FilterValues): Record<string, string | undefined> {
  const { from, to, ...rest } = values;
  return {
    ...rest,
    from: from ? startOfDay(from) : undefined,
    to: to ? startOfDay(to, 1) : undefined,
  };
}
