import { ApiError } from './api';

/** A failed request's message, in words. */
export function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * The separate problems in a 400 answer: the server lists every problem in one message
 * (separated by "; " or new lines), so the form can show each on its own line.
 */
export function problemsOf(reason: unknown): string[] {
  const text = errorText(reason);
  if (!(reason instanceof ApiError) || reason.status !== 400) return [text];
  const parts = text
    .split(/;\s+|\n/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts.length > 0 ? parts : [text];
}
