import { inferOrgDomains, type OrgInference } from '../core/infer-org.js';
import type { Message } from '../core/message.js';
import type { Org } from '../core/org.js';
import type { Store } from '../store/store.js';

const ORG_META = 'org.domains';

export interface ResolvedOrg {
  readonly org: Org;
  readonly source: 'configured' | 'stored' | 'inferred' | 'none';
  readonly inference: OrgInference | null;
}

/**
 * The organisation's domains: configured ones win; else those a previous run settled on (so
 * `scan` judges with the same org `learn` used); else inferred from the mail at hand and kept.
 */
export async function resolveOrg(configured: Org, store: Store, sample: () => Promise<readonly Message[]>): Promise<ResolvedOrg> {
  // Groups and VIPs come only from configuration; the domains may be remembered or inferred.
  const withDomains = (domains: readonly string[]): Org => ({ ...configured, domains });
  if (configured.domains.length > 0) {
    await store.setMeta(ORG_META, JSON.stringify(configured.domains));
    return { org: configured, source: 'configured', inference: null };
  }
  const stored = await store.getMeta(ORG_META);
  if (stored) return { org: withDomains(JSON.parse(stored) as string[]), source: 'stored', inference: null };
  const inference = inferOrgDomains(await sample());
  if (inference.domains.length === 0) return { org: withDomains([]), source: 'none', inference };
  await store.setMeta(ORG_META, JSON.stringify(inference.domains));
  return { org: withDomains(inference.domains), source: 'inferred', inference };
}

export function describeOrg(resolved: ResolvedOrg): string {
  const list = resolved.org.domains.join(', ');
  switch (resolved.source) {
    case 'configured':
      return `organisation domains: ${list} (configured)`;
    case 'stored':
      return `organisation domains: ${list} (as learned before)`;
    case 'inferred': {
      const evidence = resolved.inference?.evidence.map((e) => `${e.domain} in ${e.messages} of ${resolved.inference?.sampled}`).join(', ');
      const others = resolved.inference?.runnersUp.map((e) => `${e.domain} ${e.messages}`).join(', ');
      return `organisation domains: ${list} (inferred from recipients: ${evidence}; next: ${others || 'none'}; set --org-domain to override)`;
    }
    case 'none':
      return 'organisation domains: none found (set --org-domain); every sender is treated as external';
  }
}
