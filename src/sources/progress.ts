import cliProgress from 'cli-progress';

/**
 * Progress for long batches (learn, scan). A live bar only on a terminal; in logs and CI a
 * plain line now and then, because a redrawn bar turns into thousands of lines there.
 */

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

/** What we write to: a TTY stream, or any writable (tests, pipes). */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean };

/** A line every max(100, total/20) items: about twenty lines per batch, never a flood. */
export function plainInterval(total: number): number {
  return Math.max(100, Math.ceil(total / 20));
}

export function formatProgressLine(label: string, count: number, total: number, elapsedMs: number): string {
  const percent = total > 0 ? Math.floor((count / total) * 100) : 100;
  return `${label}: ${count}/${total} (${percent}%) ${(elapsedMs / 1000).toFixed(1)}s\n`;
}

function barProgress(label: string, total: number, stream: ProgressStream): Progress {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} ({percentage}%) {duration_formatted}`, stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let finished = false;
  return {
    tick: (n = 1) => bar.increment(n),
    done: () => {
      if (finished) return;
      finished = true;
      bar.stop();
    },
  };
}

function plainProgress(label: string, total: number, stream: ProgressStream, now: () => number): Progress {
  const every = plainInterval(total);
  const started = now();
  let count = 0;
  let finished = false;
  return {
    tick: (n = 1) => {
      const before = count;
      count += n;
      if (Math.floor(count / every) > Math.floor(before / every) && count < total) {
        stream.write(formatProgressLine(label, count, total, now() - started));
      }
    },
    done: () => {
      if (finished) return;
      finished = true;
      stream.write(formatProgressLine(label, count, total, now() - started));
    },
  };
}

export function createProgress(label: string, total: number, stream: ProgressStream = process.stderr, now: () => number = () => performance.now()): Progress {
  return stream.isTTY ? barProgress(label, total, stream) : plainProgress(label, total, stream, now);
}
