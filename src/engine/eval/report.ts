import type { Verdict } from '../../core/verdict.js';

export interface ScoredEntry {
  readonly label: 'legit' | 'attack';
  readonly kind: string;
  readonly verdict: Verdict;
  /** Wall-clock ms from raw bytes to verdict (parse, authenticate, profile read, analyse). */
  readonly latencyMs: number;
}

export interface Share {
  readonly count: number;
  readonly share: number;
}

export interface EvalReport {
  readonly learned: number;
  readonly scored: number;
  readonly unreadable: number;
  readonly manifestProblems: number;
  readonly orgDomains: readonly string[];
  /** Per attack kind: how many were caught (tagged or actioned), with the mean score. */
  readonly attacks: Readonly<Record<string, { readonly total: number; readonly detected: Share; readonly meanScore: number }>>;
  readonly legit: {
    readonly total: number;
    readonly tagged: Share;
    readonly linkLocked: Share;
    readonly bannered: Share;
    readonly junked: Share;
    readonly held: Share;
    readonly byTag: Readonly<Record<string, Share>>;
    readonly meanScore: number;
  };
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
}

/** A verdict "detects" when the analyst would see it: a tag or any action beyond plain delivery. */
export function isDetected(verdict: Verdict): boolean {
  const a = verdict.actions;
  return verdict.tags.length > 0 || a.delivery !== 'deliver' || a.links !== 'none' || a.attachments !== 'none';
}

function share(count: number, total: number): Share {
  return { count, share: total === 0 ? 0 : count / total };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function summarise(
  scored: readonly ScoredEntry[],
  context: { learned: number; unreadable: number; manifestProblems: number; orgDomains: readonly string[] },
): EvalReport {
  const legit = scored.filter((s) => s.label === 'legit').map((s) => s.verdict);
  const n = legit.length;
  const byTag: Record<string, Share> = {};
  for (const tag of [...new Set(legit.flatMap((v) => v.tags))].sort()) byTag[tag] = share(legit.filter((v) => v.tags.includes(tag)).length, n);
  const attacks: Record<string, { total: number; detected: Share; meanScore: number }> = {};
  for (const kind of [...new Set(scored.filter((s) => s.label === 'attack').map((s) => s.kind || 'unspecified'))].sort()) {
    const ofKind = scored.filter((s) => s.label === 'attack' && (s.kind || 'unspecified') === kind).map((s) => s.verdict);
    attacks[kind] = { total: ofKind.length, detected: share(ofKind.filter(isDetected).length, ofKind.length), meanScore: mean(ofKind.map((v) => v.score)) };
  }
  const latencies = scored.map((s) => s.latencyMs).sort((a, b) => a - b);
  return {
    ...context,
    scored: scored.length,
    attacks,
    legit: {
      total: n,
      tagged: share(legit.filter((v) => v.tags.length > 0).length, n),
      linkLocked: share(legit.filter((v) => v.actions.links !== 'none').length, n),
      bannered: share(legit.filter((v) => v.actions.delivery === 'banner').length, n),
      junked: share(legit.filter((v) => v.actions.delivery === 'junk').length, n),
      held: share(legit.filter((v) => v.actions.delivery === 'hold').length, n),
      byTag,
      meanScore: mean(legit.map((v) => v.score)),
    },
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? 0 },
  };
}

const pct = (s: Share) => `${(s.share * 100).toFixed(2)}% (${s.count})`;

export function formatReport(report: EvalReport): string {
  const lines = [
    `organisation: ${report.orgDomains.join(', ') || '(none)'}`,
    `learned ${report.learned}, scored ${report.scored}, unreadable ${report.unreadable}, bad manifest lines ${report.manifestProblems}`,
  ];
  const kinds = Object.entries(report.attacks);
  if (kinds.length > 0) {
    lines.push('', 'attacks detected (tagged or actioned):');
    for (const [kind, a] of kinds) lines.push(`  ${kind.padEnd(28)} ${pct(a.detected).padStart(16)} of ${a.total}, mean score ${a.meanScore.toFixed(1)}`);
  }
  const l = report.legit;
  if (l.total > 0) {
    lines.push(
      '',
      `legitimate mail (${l.total}), mean score ${l.meanScore.toFixed(1)}:`,
      `  tagged       ${pct(l.tagged)}`,
      `  link-locked  ${pct(l.linkLocked)}`,
      `  bannered     ${pct(l.bannered)}`,
      `  junked       ${pct(l.junked)}`,
      `  held         ${pct(l.held)}`,
    );
    for (const [tag, s] of Object.entries(l.byTag)) lines.push(`  tag ${JSON.stringify(tag).padEnd(26)} ${pct(s)}`);
  }
  const t = report.latencyMs;
  lines.push('', `latency per message (ms): p50 ${t.p50.toFixed(2)}, p90 ${t.p90.toFixed(2)}, p99 ${t.p99.toFixed(2)}, max ${t.max.toFixed(2)}`);
  return lines.join('\n');
}
