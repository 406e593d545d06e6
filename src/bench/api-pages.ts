/**
 * Times the dashboard's other pages (api-page-queries.ts) over real HTTP as api-list.ts times
 * the email list: median, p95 and max after a warm-up. A page that takes seconds gets fewer
 * runs (as many as fit a few seconds, at least MIN_RUNS, never more than --runs) so the whole
 * benchmark stays minutes.
 */
import { percentile } from '../engine/eval/report.js';
import type { ApiBrowser } from './api-browser.js';
import type { PageQuery } from './api-page-queries.js';

/** A page over this (median, ms) is worth a look; the overview, the landing page, most of all. */
export const PAGE_TARGET_MS = 200;
const WARM_UP_RUNS = 3;
const MIN_RUNS = 5;
/** Time spent per query, roughly, once warm: how many runs a slow page gets. */
const BUDGET_MS = 6_000;

export interface PageResult {
  readonly page: string;
  readonly name: string;
  readonly url: string;
  /** Size of the JSON answer. */
  readonly bytes: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly runs: number;
}

export async function measurePage(browser: ApiBrowser, query: PageQuery, maxRuns: number): Promise<PageResult> {
  const warm: number[] = [];
  for (let i = 0; i < WARM_UP_RUNS; i++) warm.push((await browser.get<unknown>(query.url)).ms);
  const warmMedian = percentile([...warm].sort((a, b) => a - b), 50);
  const runs = Math.min(maxRuns, Math.max(MIN_RUNS, Math.floor(BUDGET_MS / Math.max(1, warmMedian))));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const answer = await browser.get<unknown>(query.url);
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  times.sort((a, b) => a - b);
  return { page: query.page, name: query.name, url: query.url, bytes, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times[times.length - 1] ?? 0, runs };
}

export function pagesTable(backend: string, results: readonly PageResult[]): string {
  const lines = [
    `${backend}: the dashboard's other pages (ms over real HTTP, incl. reading the JSON)`,
    `${'page'.padEnd(9)} ${'request'.padEnd(42)} ${'KB'.padStart(6)} ${'runs'.padStart(4)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`,
  ];
  for (const r of results) {
    const flag = r.medianMs > PAGE_TARGET_MS ? '  slow' : '';
    lines.push(
      `${r.page.padEnd(9)} ${r.name.slice(0, 42).padEnd(42)} ${(r.bytes / 1024).toFixed(1).padStart(6)} ${String(r.runs).padStart(4)} ${r.medianMs.toFixed(1).padStart(7)} ${r.p95Ms.toFixed(1).padStart(7)} ${r.maxMs.toFixed(1).padStart(7)}${flag}`,
    );
  }
  return lines.join('\n');
}
