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

const NARRATIVE_INDENT = ' '.repeat(7);
const NARRATIVE_WIDTH = 100;

/** Words wrapped to a width (a long address stays whole on its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The full plain narrative under a row, for mail belong tagged or acted on; nothing for quiet mail. */
export function formatNarrativeLines(verdict: Verdict): string {
  const { actions } = verdict;
  const quiet = verdict.tags.length === 0 && actions.delivery === 'deliver' && actions.links === 'none' && actions.attachments === 'none';
  if (quiet) return '';
  return wrap(verdict.narrative.text, NARRATIVE_WIDTH)
    .map((l) => `${NARRATIVE_INDENT}${l}\n`)
    .join('');
}
