import { createProgress, type Progress } from '../sources/progress.js';
import type { SourceProblem } from '../sources/collect.js';
import { describeError } from '../errors.js';

/** Problems go to stderr as they happen, one line each, naming the file; the batch goes on. */
export class Reporter {
  problems = 0;
  private progress: Progress | null = null;

  startProgress(label: string, total: number): void {
    this.progress = createProgress(label, total, process.stderr);
  }

  tick(): void {
    this.progress?.tick();
  }

  finishProgress(): void {
    this.progress?.done();
    this.progress = null;
  }

  problem(subject: string, message: string): void {
    this.problems += 1;
    process.stderr.write(`belong: ${subject}: ${message}\n`);
  }

  sourceProblems(problems: readonly SourceProblem[]): void {
    for (const p of problems) {
      this.problems += 1;
      process.stderr.write(`belong: ${describeError(p.error)}\n`);
    }
  }

  info(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}

/**
 * Issue #2: "exit code non-zero only if nothing could be read". Every unreadable input is named
 * on stderr as it happens, so a partial batch is visible without failing the run (DESIGN's
 * "1 = partial failure" would make one bad file in a 10,000-message mailbox fail a whole import).
 */
export function exitCodeFor(processed: number): number {
  return processed === 0 ? 1 : 0;
}
