import { ApiError } from './api';

/** A failed request's message, in words. */
export function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** Request validation joins its problems as "body/a ..., body/b ...": split before each part name. */
const VALIDATION_PART = /, (?=(?:body|querystring|params|headers)\/)/u;

/**
 * The separate problems in a failed request, so a form can show each on its own line: the
 * `problems` a 400 lists (settings), else each field problem of a request-validation message.
 */
export function problemsOf(reason: unknown): string[] {
  if (reason instanceof ApiError && reason.problems.length > 0) return [...reason.problems];
  const text = errorText(reason);
  return reason instanceof ApiError && reason.status === 400 ? text.split(VALIDATION_PART) : [text];
}
