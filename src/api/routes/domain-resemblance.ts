import { lookalikeStrength } from '../../core/checks/lookalike-strength.js';
import { guessRegistrable, partsOf, queryKeysFor } from '../../core/identity/domain-parts.js';
import { isEstablished } from '../../core/identity/established.js';
import { isFreeMail } from '../../core/identity/free-mail.js';
import { resemblance } from '../../core/identity/resemblance.js';
import { LOOKALIKE_VALUES_PER_QUERY, MAX_LOOKALIKE_QUERIES } from '../../core/model/features/domain-index.js';
import { IdentityKeys } from '../../core/model/identity-keys.js';
import { isInternalDomain, type Org } from '../../core/org.js';
import type { ProfileView, ValuesQuery } from '../../core/profile.js';

/** As the lookalike-own-domain check: the organisation's own domains are few, compared all the same capped. */
const MAX_OWN_DOMAINS = 20;

/** The domain-index reads that find the established domains `domain` might imitate (as the LOOKALIKE_DOMAIN check reads them). */
export function resemblanceQueries(domain: string): ValuesQuery[] {
  return queryKeysFor(partsOf(domain), MAX_LOOKALIKE_QUERIES).map((k) => IdentityKeys.domainIndexQuery(k, LOOKALIKE_VALUES_PER_QUERY));
}

/**
 * The organisation's own domains and the established correspondent domains that `domain` (a
 * registrable domain) is a lookalike of, strongest resemblance first. The same candidates and the
 * same `resemblance` test the two lookalike checks use, so a profile names what a verdict would.
 * Unlike the checks it does not stay quiet when `domain` is itself established: a profile says
 * what the domain resembles, the verdict decides whether that matters.
 */
export function resembledDomains(domain: string, view: ProfileView, org: Org, now: number): string[] {
  if (isInternalDomain(org, domain)) return [];
  const parts = partsOf(domain);
  const found = new Map<string, number>();
  const consider = (other: string) => {
    if (found.has(other) || other === parts.domain) return;
    const match = resemblance(parts, other);
    if (match) found.set(other, lookalikeStrength(match));
  };
  for (const own of org.domains.slice(0, MAX_OWN_DOMAINS)) consider(guessRegistrable(own));
  // A big free-mail provider's country domain imitates nobody (as in the LOOKALIKE_DOMAIN check).
  if (!isFreeMail(domain)) {
    for (const query of resemblanceQueries(domain)) {
      for (const { value, counter } of view.values(query)) {
        if (!isInternalDomain(org, value) && isEstablished(counter, now)) consider(value);
      }
    }
  }
  return [...found.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([d]) => d);
}
