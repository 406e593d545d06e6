/** The evaluation-contract manifest (DESIGN.md "The evaluation contract") for a simulated stream. */

export interface ManifestLine {
  readonly path: string;
  readonly phase: 'learn' | 'test';
  readonly label: 'legit' | 'attack';
  readonly kind: string;
}

/** First line names the org's domains; then one line per message, in the given (chronological) order. */
export function manifestText(orgDomains: readonly string[], lines: readonly ManifestLine[]): string {
  const out = [JSON.stringify({ org: { domains: orgDomains } }), ...lines.map((l) => JSON.stringify({ path: l.path, phase: l.phase, label: l.label, kind: l.kind }))];
  return `${out.join('\n')}\n`;
}
