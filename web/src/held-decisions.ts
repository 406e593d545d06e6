import { api } from './api';
import type { HeldEntry, HeldState } from './types';

/** What an analyst can decide about a held message (POST /held/:id/<decision>, audited). */
export type HeldDecision = 'release' | 'delete' | 'request-release';

export const DECISIONS: Record<HeldDecision, { readonly label: string; readonly confirm: string; readonly danger: boolean; readonly done: string }> = {
  release: { label: 'Release', confirm: 'Confirm release', danger: false, done: 'released' },
  delete: { label: 'Delete', confirm: 'Confirm delete', danger: true, done: 'deleted' },
  'request-release': { label: 'Request release', confirm: 'Confirm request', danger: false, done: 'release requested' },
};

/** States in which a held message can still be decided on (the server answers 409 otherwise). */
export function isOpen(state: HeldState): boolean {
  return state === 'held' || state === 'release_requested';
}

export function decideHeld(id: string, decision: HeldDecision, reason: string): Promise<HeldEntry> {
  return api.post<HeldEntry>(`/held/${encodeURIComponent(id)}/${decision}`, { reason });
}

/** "release_requested" → "release requested". */
export function stateLabel(state: HeldState): string {
  return state.replaceAll('_', ' ');
}
