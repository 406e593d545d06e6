import { makeZip as makeSimulatedZip } from '../../src/simulate/files.js';

/** Test-only: a zip with the given entry names and flags and empty contents (the simulator's writer). */
export function makeZip(entries: ReadonlyArray<{ name: string; encrypted?: boolean }>): Buffer {
  return makeSimulatedZip(entries.map((e) => ({ ...e, data: Buffer.alloc(0) })));
}
