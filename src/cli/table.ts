import path from 'node:path';
import type { Verdict } from '../core/verdict.js';

const REASON_WIDTH = 90;

export const VERDICT_TABLE_HEADER = `${'SCORE'.padStart(5)}  ${'ACTION'.padEnd(8)}  ${'TAGS'.padEnd(32)}  ${'FILE'.padEnd(24)}  REASON`;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** One readable row: score, delivery action, tags, file and the one-line reason. */
export function formatVerdictRow(origin: string, verdict: Verdict): string {
  const action = verdict.actions.links !== 'none' && verdict.actions.delivery === 'deliver' ? `${verdict.actions.links}` : verdict.actions.delivery;
  return [
    String(verdict.score).padStart(5),
    action.padEnd(8),
    clip(verdict.tags.join(', ') || '-', 32).padEnd(32),
    clip(path.basename(origin), 24).padEnd(24),
    clip(verdict.reason, REASON_WIDTH),
  ].join('  ');
}
