import { valuesKeyString, type ValueCounter, type ValuesQuery } from '../core/profile.js';
import type { Store } from '../store/store.js';

/**
 * Organisation-wide value lists (the most-written-to people for learned VIPs, the org's hours)
 * cost a sort over every person in the organisation and change slowly, so each is re-read once
 * per this many scored messages rather than for every message. Counted in messages, not time,
 * so a replay gives the same verdicts however fast it runs.
 */
export const ORG_LIST_REUSE_MESSAGES = 200;

function isOrgWide(q: ValuesQuery): boolean {
  return q.entity === 'org' && q.id === '';
}

export class OrgListCache {
  private readonly lists = new Map<string, { readonly values: ValueCounter[] | undefined; readonly limit: number; readonly until: number }>();
  private scored = 0;

  /** Reads the value lists for one message: org-wide ones from the cache when fresh, the rest from the store. */
  async read(store: Store, queries: readonly ValuesQuery[]): Promise<Map<string, ValueCounter[]>> {
    this.scored += 1;
    const stale = queries.filter((q) => {
      const cached = this.lists.get(valuesKeyString(q));
      return !isOrgWide(q) || !cached || cached.until <= this.scored || cached.limit < q.limit;
    });
    const fresh = stale.length > 0 ? await store.readValues(stale) : new Map<string, ValueCounter[]>();
    for (const q of stale.filter(isOrgWide)) {
      this.lists.set(valuesKeyString(q), { values: fresh.get(valuesKeyString(q)), limit: q.limit, until: this.scored + ORG_LIST_REUSE_MESSAGES });
    }
    for (const q of queries.filter(isOrgWide)) {
      const cached = this.lists.get(valuesKeyString(q))?.values;
      if (cached && !fresh.has(valuesKeyString(q))) fresh.set(valuesKeyString(q), cached);
    }
    return fresh;
  }
}
