import type { BelongError } from '../errors.js';

/** One message found in the inputs; its bytes are read only when `load` is called. */
export interface MailItem {
  /** File path; `mbox-path#N` for the Nth record (1-based) of an mbox; the file path in a Maildir. */
  readonly origin: string;
  /** Milliseconds since the epoch from Date (or the earliest Received); null when neither parses. */
  readonly date: number | null;
  readonly load: () => Promise<Buffer>;
}

/** An input that could not become a MailItem; collecting goes on past it. */
export interface SourceProblem {
  readonly subject: string;
  readonly error: BelongError;
}

export interface Collected {
  items: MailItem[];
  problems: SourceProblem[];
}
