import type { Signal } from '../signal.js';

/** Typed reads of a signal's evidence: a realiser says nothing when a field is missing or of another type. */
export function str(signal: Signal | undefined, key: string): string | null {
  const v = signal?.evidence[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
}

export function int(signal: Signal | undefined, key: string): number | null {
  const v = signal?.evidence[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function flag(signal: Signal | undefined, key: string): boolean {
  return signal?.evidence[key] === true;
}

export function strs(signal: Signal | undefined, key: string): readonly string[] {
  const v = signal?.evidence[key];
  return Array.isArray(v) ? (v as readonly string[]) : [];
}
