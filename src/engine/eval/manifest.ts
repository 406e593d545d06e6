import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BelongError, ERROR_CODES } from '../../errors.js';

/** One line of the evaluation contract (DESIGN: "The evaluation contract"). */
const EntrySchema = z.object({
  path: z.string().min(1),
  phase: z.enum(['learn', 'test']),
  label: z.enum(['legit', 'attack']),
  kind: z.string().default(''),
});
const OrgLineSchema = z.object({ org: z.object({ domains: z.array(z.string().min(1)).min(1) }) });

export type ManifestEntry = z.infer<typeof EntrySchema> & { readonly file: string; readonly line: number };

export interface Manifest {
  readonly orgDomains: readonly string[] | null;
  readonly entries: readonly ManifestEntry[];
  /** Lines that could not be understood: reported, and the evaluation goes on without them. */
  readonly problems: ReadonlyArray<{ readonly line: number; readonly message: string }>;
}

export function readManifest(manifestPath: string): Manifest {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BelongError(code === 'ENOENT' ? ERROR_CODES.PATH_NOT_FOUND : ERROR_CODES.PATH_UNREADABLE, `cannot read manifest (${code ?? 'error'})`, manifestPath);
  }
  const base = path.dirname(path.resolve(manifestPath));
  const entries: ManifestEntry[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  let orgDomains: string[] | null = null;
  const lines = text.split(/\r?\n/u);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: 'not valid JSON' });
      return;
    }
    const org = OrgLineSchema.safeParse(value);
    if (org.success && entries.length === 0 && orgDomains === null) {
      orgDomains = org.data.org.domains.map((d) => d.toLowerCase());
      return;
    }
    const entry = EntrySchema.safeParse(value);
    if (!entry.success) {
      problems.push({ line, message: entry.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') });
      return;
    }
    entries.push({ ...entry.data, file: path.resolve(base, entry.data.path), line });
  });
  if (entries.length === 0) {
    throw new BelongError(ERROR_CODES.MANIFEST, `no usable entries${problems.length ? ` (${problems.length} bad lines, first at line ${problems[0]?.line}: ${problems[0]?.message})` : ''}`, manifestPath);
  }
  return { orgDomains, entries, problems };
}
