import { DEFAULT_SOURCE_LIMITS, COLLECT_CONCURRENCY, type SourceLimits } from './limits.js';
import { readSource } from './read-source.js';
import type { Collected, MailItem } from './types.js';
import { walkPaths } from './walk.js';

export type { MailItem, SourceProblem, Collected } from './types.js';

export interface CollectOptions {
  /** 'date' (default): oldest first, so learning follows time. 'given': the order found. */
  readonly order?: 'date' | 'given';
  /** Override the size limits (tests use small ones). */
  readonly limits?: Partial<SourceLimits>;
}

/** Compare with digit runs as numbers, so `box#9` comes before `box#10`; no locale involved. */
export function compareOrigins(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function byDate(a: MailItem, b: MailItem): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date - b.date;
  }
  return compareOrigins(a.origin, b.origin);
}

/** Run `task` over `inputs` with at most `limit` at once; results keep input order. */
async function mapLimited<T, R>(inputs: readonly T[], limit: number, task: (input: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

/**
 * Find every message under `paths` (files, directories, Maildirs, mboxes). Never throws for a
 * bad input: each one becomes a problem naming it, and the rest of the batch goes on.
 */
export async function collectMessages(paths: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const limits: SourceLimits = { ...DEFAULT_SOURCE_LIMITS, ...options.limits };
  const walked = await walkPaths(paths);
  const perFile = await mapLimited(walked.files, COLLECT_CONCURRENCY, (path) => readSource(path, limits));
  const items = perFile.flatMap((found) => found.items);
  const problems = [...walked.problems, ...perFile.flatMap((found) => found.problems)];
  if ((options.order ?? 'date') === 'date') items.sort(byDate);
  return { items, problems };
}
