import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Policy } from '../core/policy.js';
import { BelongError, ERROR_CODES } from '../errors.js';

const signalId = z.string().regex(/^[A-Z][A-Z0-9_]*$/u, 'signal ids are SCREAMING_SNAKE');
const minScore = z.number().min(0).max(100);

export const PolicySchema = z
  .object({
    version: z.literal(1),
    signals: z.record(signalId, z.object({ weight: z.number().min(-1).max(1), mitigates: z.array(signalId).optional() }).strict()),
    tags: z.array(
      z.object({ name: z.string().min(1), severity: z.enum(['info', 'low', 'medium', 'high']), category: z.enum(['relationship', 'identity', 'authentication', 'content', 'behaviour']), anyOf: z.array(signalId).min(1), allOf: z.array(signalId).optional(), minStrength: z.number().min(0).max(1) }).strict(),
    ),
    delivery: z.array(z.object({ action: z.enum(['banner', 'junk', 'hold']), minScore }).strict()),
    links: z.array(z.object({ action: z.enum(['lock', 'double_lock', 'remove']), minScore }).strict()),
    attachments: z.array(z.object({ action: z.enum(['convert', 'strip']), minScore }).strict()),
  })
  .strict();

/** The default policy shipped in `policy/default.json`, resolved from the installed package. */
export const DEFAULT_POLICY_PATH = new URL('../../policy/default.json', import.meta.url);

export function loadPolicy(file: string | URL = DEFAULT_POLICY_PATH): Policy {
  const label = file instanceof URL ? file.pathname : file;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BelongError(ERROR_CODES.CONFIG, `cannot read policy: ${(error as Error).message}`, label);
  }
  const result = PolicySchema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(policy)'}: ${i.message}`);
    throw new BelongError(ERROR_CODES.CONFIG, `invalid policy:\n${problems.join('\n')}`, label);
  }
  const tagSignals = [
    ...result.data.tags.flatMap((t) => [...t.anyOf, ...(t.allOf ?? [])]),
    ...Object.values(result.data.signals).flatMap((s) => s.mitigates ?? []),
  ];
  const unknown = tagSignals.filter((id) => !(id in result.data.signals));
  if (unknown.length > 0) {
    throw new BelongError(ERROR_CODES.CONFIG, `invalid policy:\n${unknown.map((id) => `  - tags/mitigates: signal ${id} has no weight in signals`).join('\n')}`, label);
  }
  return result.data;
}
