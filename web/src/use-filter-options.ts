import { api } from './api';
import type { Group } from './types';
import { useApi } from './use-api';

const DAY_MS = 86_400_000;
/** The metrics route looks back at most 366 days. */
const TAG_LOOKBACK_DAYS = 365;

/**
 * Choices for filter dropdowns: the organisation's named groups (GET /groups) and the tags seen
 * in the last year (from GET /metrics). Either list is empty while loading or when it fails;
 * the filters then still take typed values.
 */
export function useFilterOptions(): { groups: readonly Group[]; tags: readonly string[] } {
  const groups = useApi(() => api.get<{ items: Group[] }>('/groups'), []);
  const tags = useApi(async () => {
    const to = Date.now();
    const metrics = await api.get<{ days: { byTag: Record<string, number> }[] }>('/metrics', {
      from: new Date(to - TAG_LOOKBACK_DAYS * DAY_MS).toISOString(),
      to: new Date(to).toISOString(),
    });
    const seen = new Set<string>();
    for (const day of metrics.days) for (const tag of Object.keys(day.byTag)) seen.add(tag);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, []);
  return { groups: groups.data?.items ?? [], tags: tags.data ?? [] };
}
