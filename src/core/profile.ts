/**
 * The generic learning model: counters keyed by (entity, id, feature, value), with first/last
 * seen and exponentially decayed mass. Email is its first user; the same shape will serve
 * cloud audit events and network flows (DESIGN: "keep the rarity model generic").
 */

/** One counter's address. `value` may be '' for the entity's own total. */
export interface ProfileKey {
  /** What kind of thing is profiled: 'sender', 'senderDomain', 'recipient', 'org', ... */
  readonly entity: string;
  /** Which one: an address, a domain, '' for the organisation. */
  readonly id: string;
  /** Which aspect of it: 'msg', 'rcpt', 'replyTo', 'auth', ... */
  readonly feature: string;
  readonly value: string;
}

/** Ask for every value of (entity, id, feature) at once, summarised (see `Counter.distinct`). */
export const ANY_VALUE = '*';

export interface Counter {
  readonly count: number;
  /** Sum over observations of 2^((t - DECAY_EPOCH) / half-life): commutative, so concurrent learners can add. */
  readonly mass: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Only for ANY_VALUE reads: how many distinct values the summary covers. */
  readonly distinct?: number;
}

/** Ask for the most frequent values of (entity, id, feature), e.g. the domains a lookalike could imitate. */
export interface ValuesQuery {
  readonly entity: string;
  readonly id: string;
  readonly feature: string;
  /** At most this many values, most counted first (ties by value); bounded by MAX_VALUES_PER_QUERY. */
  readonly limit: number;
}

export const MAX_VALUES_PER_QUERY = 200;

export interface ValueCounter {
  readonly value: string;
  readonly counter: Counter;
}

export function valuesKeyString(q: Pick<ValuesQuery, 'entity' | 'id' | 'feature'>): string {
  return `${q.entity}\u0000${q.id}\u0000${q.feature}`;
}

/** One thing learned at one time: the store adds it to the counter at `key`. */
export interface Observation {
  readonly key: ProfileKey;
  readonly at: number;
}

export const DAY_MS = 86_400_000;
/** Patterns of life change slowly: a relationship loses half its weight per quarter of silence. */
export const HALF_LIFE_DAYS = 90;
/** Fixed reference so mass is a plain sum; 2^(t/H) stays finite for ~250 years past it. */
export const DECAY_EPOCH = Date.UTC(2000, 0, 1);

export function massAt(at: number): number {
  return 2 ** ((at - DECAY_EPOCH) / (HALF_LIFE_DAYS * DAY_MS));
}

/** The counter's weight as seen at `now`: each observation contributes 2^(-age/H). */
export function decayedWeight(counter: Counter | undefined, now: number): number {
  if (!counter) return 0;
  return counter.mass / massAt(now);
}

export function keyString(key: ProfileKey): string {
  return `${key.entity}\u0000${key.id}\u0000${key.feature}\u0000${key.value}`;
}

export function key(entity: string, id: string, feature: string, value = ''): ProfileKey {
  return { entity, id, feature, value };
}

/** Combine two counters for the same key (used by stores and by tests as the reference semantics). */
export function mergeCounters(a: Counter | undefined, b: Counter): Counter {
  if (!a) return b;
  return {
    count: a.count + b.count,
    mass: a.mass + b.mass,
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
  };
}

/** Read-only lookup the checks use; built from one batched store read. */
export class ProfileView {
  private readonly counters: ReadonlyMap<string, Counter>;
  private readonly valueLists: ReadonlyMap<string, readonly ValueCounter[]>;

  constructor(counters: ReadonlyMap<string, Counter>, valueLists: ReadonlyMap<string, readonly ValueCounter[]> = new Map()) {
    this.counters = counters;
    this.valueLists = valueLists;
  }

  /** The values a ValuesQuery asked for (empty when none, or when the query was not made). */
  values(q: Pick<ValuesQuery, 'entity' | 'id' | 'feature'>): readonly ValueCounter[] {
    return this.valueLists.get(valuesKeyString(q)) ?? [];
  }

  get(k: ProfileKey): Counter | undefined {
    return this.counters.get(keyString(k));
  }

  count(k: ProfileKey): number {
    return this.get(k)?.count ?? 0;
  }

  static empty(): ProfileView {
    return new ProfileView(new Map());
  }
}
