import type { Verdict } from '../core/verdict.js';

/**
 * Headers on the relayed copy. They are prepended to the original bytes (the body is never
 * re-encoded, so DKIM signatures over the body stay valid), and any X-Belong-* header the
 * sender supplied is removed first so nobody outside can forge a verdict.
 */
export function verdictHeaders(verdict: Verdict): Array<[string, string]> {
  const actions = `delivery=${verdict.actions.delivery}; links=${verdict.actions.links}; attachments=${verdict.actions.attachments}`;
  return [
    ['X-Belong-Verdict-Id', verdict.id],
    ['X-Belong-Score', String(verdict.score)],
    ['X-Belong-Tags', verdict.tags.length > 0 ? verdict.tags.join(', ') : 'none'],
    ['X-Belong-Actions', actions],
  ];
}

export const ANALYSIS_FAILED_HEADERS: Array<[string, string]> = [['X-Belong-Analysis', 'failed']];

/** Header values from our own data still pass through here: no CR/LF/NUL can split a header. */
function safeValue(value: string): string {
  return value.replace(/[\r\n\0]+/gu, ' ').slice(0, 900);
}

/** End of the header section (index of the blank line's start), or -1 when there is no body. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1) return lf;
  if (lf === -1) return crlf;
  return Math.min(crlf, lf);
}

/** Drops X-Belong-* header fields (with their folded continuation lines) from the header section. */
export function stripBelongHeaders(raw: Buffer): Buffer {
  const end = headerEnd(raw);
  const headerBytes = end === -1 ? raw : raw.subarray(0, end);
  if (!/(^|\n)x-belong-/iu.test(headerBytes.toString('latin1'))) return raw;
  const lines = headerBytes.toString('latin1').split(/(?<=\n)/u);
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const continuation = /^[ \t]/u.test(line);
    if (!continuation) dropping = /^x-belong-/iu.test(line);
    if (!dropping) kept.push(line);
  }
  const rest = end === -1 ? Buffer.alloc(0) : raw.subarray(end);
  return Buffer.concat([Buffer.from(kept.join(''), 'latin1'), rest]);
}

export function prependHeaders(raw: Buffer, headers: ReadonlyArray<readonly [string, string]>): Buffer {
  const text = headers.map(([name, value]) => `${name}: ${safeValue(value)}\r\n`).join('');
  return Buffer.concat([Buffer.from(text, 'utf8'), stripBelongHeaders(raw)]);
}
