import { BelongError, ERROR_CODES, type ErrorCode } from '../errors.js';
import type { SourceProblem } from './types.js';

export function problem(code: ErrorCode, message: string, subject: string, cause?: unknown): SourceProblem {
  return { subject, error: new BelongError(code, message, subject, cause === undefined ? undefined : { cause }) };
}

function errnoCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Map a filesystem error to the catalogue: gone is PATH_NOT_FOUND, anything else PATH_UNREADABLE. */
export function fsProblem(error: unknown, subject: string): SourceProblem {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem(ERROR_CODES.PATH_NOT_FOUND, 'no such file or directory', subject, error);
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code ?? String(error)})`;
  return problem(ERROR_CODES.PATH_UNREADABLE, reason, subject, error);
}
