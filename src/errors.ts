/**
 * The one catalogue of user-facing errors outside analysis. Codes are stable (scripts may match
 * on them); messages name the file or setting at fault. Never shown with a stack trace.
 */
export const ERROR_CODES = {
  PATH_NOT_FOUND: 'BELONG_E_PATH_NOT_FOUND',
  PATH_UNREADABLE: 'BELONG_E_PATH_UNREADABLE',
  NOT_AN_EMAIL: 'BELONG_E_NOT_AN_EMAIL',
  MBOX_RECORD: 'BELONG_E_MBOX_RECORD',
  TOO_LARGE: 'BELONG_E_TOO_LARGE',
  MANIFEST: 'BELONG_E_MANIFEST',
  CONFIG: 'BELONG_E_CONFIG',
  USAGE: 'BELONG_E_USAGE',
  STORE: 'BELONG_E_STORE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class BelongError extends Error {
  readonly code: ErrorCode;
  /** The file, setting or record the error is about, when there is one. */
  readonly subject: string | null;

  constructor(code: ErrorCode, message: string, subject: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BelongError';
    this.code = code;
    this.subject = subject;
  }
}

/** A line for the terminal: "file: what went wrong [CODE]". */
export function describeError(error: unknown): string {
  if (error instanceof BelongError) return `${error.subject ? `${error.subject}: ` : ''}${error.message} [${error.code}]`;
  if (error instanceof Error) return error.message;
  return String(error);
}
