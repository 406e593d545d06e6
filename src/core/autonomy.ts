/**
 * Autonomy: passive decides and records but changes nothing; active applies the plan. Set per
 * organisation, overridable per named group. A message goes out as one copy to all its
 * recipients, so when their groups disagree the gentler mode (passive) wins: nobody's mail is
 * changed for a group that asked for it not to be.
 */
export type AutonomyMode = 'passive' | 'active';

export interface AutonomySettings {
  readonly autonomy: AutonomyMode;
  readonly autonomyByGroup: Readonly<Record<string, AutonomyMode>>;
  readonly groups: Readonly<Record<string, readonly string[]>>;
}

export function effectiveAutonomy(recipients: readonly string[], settings: AutonomySettings): AutonomyMode {
  const lower = recipients.map((r) => r.toLowerCase());
  const explicit = Object.entries(settings.autonomyByGroup)
    .filter(([group]) => (settings.groups[group] ?? []).some((member) => lower.includes(member.toLowerCase())))
    .map(([, mode]) => mode);
  if (explicit.includes('passive')) return 'passive';
  if (explicit.includes('active')) return 'active';
  return settings.autonomy;
}
