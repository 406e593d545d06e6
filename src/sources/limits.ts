/**
 * Named limits on what an input source may cost us (DESIGN.md principle 7). A file the user
 * points at is attacker-controlled as soon as it holds received mail.
 */

/** Largest single message file we load; real mail with attachments rarely passes 50 MiB. */
export const MAX_SOURCE_FILE_BYTES = 64 * 1024 * 1024;

/** Largest mbox we read; it is read into memory once, and Node's readFile stops at 2 GiB. */
export const MAX_MBOX_BYTES = 2 ** 31 - 1;

/** How much of a file's start we read to sniff it and find its Date header. */
export const MAX_HEAD_BYTES = 64 * 1024;

/** Files read at once while collecting: enough to hide latency, few enough to keep fds sane. */
export const COLLECT_CONCURRENCY = 32;

export interface SourceLimits {
  readonly maxMessageBytes: number;
  readonly maxMboxBytes: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = {
  maxMessageBytes: MAX_SOURCE_FILE_BYTES,
  maxMboxBytes: MAX_MBOX_BYTES,
};
