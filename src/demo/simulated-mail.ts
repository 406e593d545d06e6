import { readFile } from 'node:fs/promises';
import { readManifest } from '../engine/eval/manifest.js';
import { simulate, type Scale } from '../simulate/simulate.js';
import type { Org as SimulatedOrg } from '../simulate/org.js';
import { headerDate } from './redate.js';

/** One simulated message on disk, with the date its Date header carries. */
export interface SimulatedMessage {
  readonly file: string;
  readonly phase: 'learn' | 'test';
  readonly label: 'legit' | 'attack';
  /** The attack kind ('' for legitimate mail). */
  readonly kind: string;
  readonly date: number;
}

export interface SimulatedMail {
  readonly org: SimulatedOrg;
  /** Chronological, as the simulator wrote them. */
  readonly messages: readonly SimulatedMessage[];
  /** The test period's last Date (ms). */
  readonly testEnd: number;
}

/**
 * Writes the simulated organisation (corvid-labs.example: people, vendors, newsletters, and
 * labelled attacks of every kind in the test month) into `dir`, and lists its messages with
 * their dates. Same seed, same mail.
 */
export async function simulatedMail(options: { dir: string; seed: number; scale: Scale }): Promise<SimulatedMail> {
  const summary = simulate({ out: options.dir, seed: options.seed, scale: options.scale });
  const manifest = readManifest(summary.manifest);
  const messages: SimulatedMessage[] = [];
  for (const entry of manifest.entries) {
    const date = headerDate(await readFile(entry.file));
    // The simulator dates every message; one without a date would be a simulator bug worth seeing.
    if (date === null) throw new Error(`simulated message without a Date header: ${entry.file}`);
    messages.push({ file: entry.file, phase: entry.phase, label: entry.label, kind: entry.kind, date });
  }
  const testEnd = Math.max(...messages.filter((m) => m.phase === 'test').map((m) => m.date));
  return { org: summary.org, messages, testEnd };
}

/** The organisation's departments as named groups (executives, finance, ...) for filters and widgets. */
export function simulatedGroups(org: SimulatedOrg): Record<string, string[]> {
  const names: Record<string, string> = { exec: 'executives', finance: 'finance', sales: 'sales', engineering: 'engineering', operations: 'operations' };
  const groups: Record<string, string[]> = {};
  for (const person of org.people) (groups[names[person.department] ?? person.department] ??= []).push(person.address);
  return groups;
}
