import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Policy } from '../core/policy.js';
import { BelongError, ERROR_CODES } from '../errors.js';

const signalId = z.string().regex(/^[A-Z][A-Z0-9_]*$/u, 'signal ids are SCREAMING_SNAKE');
const minScore = z.number().min(0).max(100);

const severity = z.enum(['info', 'low', 'medium', 'high']);
const category = z.enum(['relationship', 'identity', 'authentication', 'content', 'behaviour']);
const ask = z.enum(['link', 'attachment', 'payment', 'bank_details_change', 'credentials', 'reply', 'callback', 'gift_card']);

const rungCondition = z
  .object({
    minScore: minScore.optional(),
    asksAny: z.array(ask).min(1).optional(),
    tagsAny: z.array(z.string().min(1)).min(1).optional(),
    tagAtLeast: z.object({ severity, categories: z.array(category).min(1).optional() }).strict().optional(),
    signalsAny: z.array(signalId).min(1).optional(),
  })
  .strict();

/** A ladder: rungs in order of aggressiveness, each action at most once, each with conditions. */
function ladder<A extends string>(actions: readonly [A, ...A[]]) {
  return z
    .array(z.object({ action: z.enum(actions), because: z.string().min(1), when: z.array(rungCondition).min(1) }).strict())
    .refine((rungs) => rungs.every((rung, i) => i === 0 || actions.indexOf(rung.action) > actions.indexOf((rungs[i - 1] as { action: A }).action)), {
      message: `rungs must be in the order ${actions.join(' → ')}, each at most once`,
    });
}

export const PolicySchema = z
  .object({
    version: z.literal(1),
    signals: z.record(signalId, z.object({ weight: z.number().min(-1).max(1), mitigates: z.array(signalId).optional() }).strict()),
    tags: z.array(
      z.object({ name: z.string().min(1), severity, category, anyOf: z.array(signalId).min(1), allOf: z.array(signalId).optional(), minStrength: z.number().min(0).max(1) }).strict(),
    ),
    delivery: ladder(['banner', 'junk', 'hold']),
    links: ladder(['lock', 'double_lock', 'remove']),
    attachments: ladder(['convert', 'strip']),
    headers: z.object({ subjectTag: z.object({ text: z.string().min(1).max(40), onDelivery: z.array(z.enum(['banner', 'junk', 'hold'])).min(1) }).strict().nullable() }).strict().optional(),
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
  const tagNames = new Set(result.data.tags.map((t) => t.name));
  const rungs = [...result.data.delivery, ...result.data.links, ...result.data.attachments];
  const unknownTags = rungs.flatMap((r) => r.when.flatMap((c) => c.tagsAny ?? [])).filter((name) => !tagNames.has(name));
  const unknownSignals = rungs.flatMap((r) => r.when.flatMap((c) => c.signalsAny ?? [])).filter((id) => !(id in result.data.signals));
  if (unknownTags.length + unknownSignals.length > 0) {
    const problems = [...unknownTags.map((n) => `  - ladders: tag "${n}" is not defined in tags`), ...unknownSignals.map((id) => `  - ladders: signal ${id} has no weight in signals`)];
    throw new BelongError(ERROR_CODES.CONFIG, `invalid policy:\n${problems.join('\n')}`, label);
  }
  return result.data;
}
