import { BelongError, ERROR_CODES } from '../errors.js';
import type { StoredVerdict } from './store.js';

/**
 * Verdicts are kept as whole JSON documents so the Verdict type can grow without a migration;
 * the indexed columns beside them are copies for querying. This guards the one place a
 * corrupted or foreign row could enter the program as a typed value.
 */
export function parseStoredVerdict(body: string, subject: string): StoredVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    throw new BelongError(ERROR_CODES.STORE, 'stored verdict is not valid JSON', subject, { cause });
  }
  if (!isStoredVerdictShape(parsed)) throw new BelongError(ERROR_CODES.STORE, 'stored verdict has an unexpected shape', subject);
  return parsed;
}

function isStoredVerdictShape(value: unknown): value is StoredVerdict {
  if (typeof value !== 'object' || value === null || !('verdict' in value) || !('origin' in value)) return false;
  const { verdict, origin } = value;
  return typeof verdict === 'object' && verdict !== null && 'id' in verdict && typeof verdict.id === 'string' && (origin === null || typeof origin === 'string');
}
