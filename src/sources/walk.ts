import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES } from '../errors.js';
import { fsProblem, problem } from './problems.js';
import type { SourceProblem } from './types.js';

/**
 * Turn the user's paths into regular files to look at, in a stable order (entries sorted by
 * name), so that the same tree always gives the same batch.
 */

export interface Walked {
  files: string[];
  problems: SourceProblem[];
}

const MAILDIR_PARTS = ['cur', 'new', 'tmp'];

type Kind = 'file' | 'dir' | 'other';

async function kindOf(path: string, entry: Dirent | null): Promise<Kind> {
  if (entry && !entry.isSymbolicLink()) return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
  const info = await stat(path);
  return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function walkDir(dir: string, out: Walked, seen: Set<string>): Promise<void> {
  let id: string;
  let entries: Dirent[];
  try {
    const info = await stat(dir);
    id = `${info.dev}:${info.ino}`;
    entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  } catch (error) {
    out.problems.push(fsProblem(error, dir));
    return;
  }
  // A symlink loop would otherwise walk forever.
  if (seen.has(id)) return;
  seen.add(id);
  const subdirs = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const isMaildir = MAILDIR_PARTS.every((name) => subdirs.has(name));
  for (const entry of entries) {
    // Dotfiles are VCS and tool metadata; Maildir++ subfolders are dot-dirs too, and skipped.
    if (entry.name.startsWith('.')) continue;
    // tmp/ holds messages still being delivered: half-written, never final.
    if (isMaildir && entry.name === 'tmp') continue;
    const path = join(dir, entry.name);
    let kind: Kind;
    try {
      kind = await kindOf(path, entry);
    } catch (error) {
      out.problems.push(fsProblem(error, path));
      continue;
    }
    if (kind === 'dir') await walkDir(path, out, seen);
    // Files at a Maildir's top level are the IMAP server's indexes (dovecot-uidlist...), not mail.
    else if (kind === 'file' && !isMaildir) out.files.push(path);
    else if (kind === 'other') out.problems.push(problem(ERROR_CODES.PATH_UNREADABLE, 'not a regular file or directory', path));
  }
}

export async function walkPaths(paths: readonly string[]): Promise<Walked> {
  const out: Walked = { files: [], problems: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let kind: Kind;
    try {
      kind = await kindOf(path, null);
    } catch (error) {
      out.problems.push(fsProblem(error, path));
      continue;
    }
    if (kind === 'dir') await walkDir(path, out, seen);
    else if (kind === 'file') out.files.push(path);
    else out.problems.push(problem(ERROR_CODES.PATH_UNREADABLE, 'not a regular file or directory', path));
  }
  return out;
}
