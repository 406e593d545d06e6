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

/** DESIGN exit codes: 0 success, 1 partial failure (some inputs unreadable), 2 usage or config error. */
export function exitCodeFor(processed: number, problems: number): number {
  if (processed === 0 && problems > 0) return 1;
  return problems > 0 ? 1 : 0;
}
