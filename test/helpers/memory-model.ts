import { analyse, learningFrom, profileKeysFor } from '../../src/core/analyse.js';
import type { Message } from '../../src/core/message.js';
import type { Org } from '../../src/core/org.js';
import type { Policy } from '../../src/core/policy.js';
import { ANY_VALUE, keyString, massAt, mergeCounters, ProfileView, valuesKeyString, type Counter, type Observation, type ValueCounter } from '../../src/core/profile.js';
import type { Verdict } from '../../src/core/verdict.js';

/** Test-only in-memory model: the reference semantics of a store, for pure core tests. */
export class MemoryModel {
  private readonly counters = new Map<string, Counter>();
  constructor(
    readonly org: Org,
    readonly policy: Policy,
  ) {}

  learn(observations: readonly Observation[]): void {
    for (const { key, at } of observations) {
      const k = keyString(key);
      this.counters.set(k, mergeCounters(this.counters.get(k), { count: 1, mass: massAt(at), firstSeen: at, lastSeen: at }));
    }
  }

  learnMessage(message: Message, at = message.date ?? 0): void {
    this.learn(learningFrom(message, this.org, null, at));
  }

  view(message: Message): ProfileView {
    const { keys, valueQueries } = profileKeysFor(message, this.org);
    const values = new Map<string, ValueCounter[]>();
    for (const q of valueQueries) {
      const prefix = `${valuesKeyString(q)}\u0000`;
      const list = [...this.counters]
        .filter(([stored]) => stored.startsWith(prefix))
        .map(([stored, counter]) => ({ value: stored.slice(prefix.length), counter }))
        .sort((a, b) => b.counter.count - a.counter.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, q.limit);
      if (list.length > 0) values.set(valuesKeyString(q), list);
    }
    const found = new Map<string, Counter>();
    for (const k of keys) {
      if (k.value !== ANY_VALUE) {
        const c = this.counters.get(keyString(k));
        if (c) found.set(keyString(k), c);
        continue;
      }
      const prefix = keyString({ ...k, value: '' });
      let summary: Counter | undefined;
      let distinct = 0;
      for (const [stored, c] of this.counters) {
        if (stored.startsWith(prefix) && stored !== prefix) {
          summary = mergeCounters(summary, c);
          distinct += 1;
        }
      }
      if (summary) found.set(keyString(k), { ...summary, distinct });
    }
    return new ProfileView(found, values);
  }

  score(message: Message, now = message.date ?? 0): Verdict {
    return analyse(message, this.view(message), this.org, this.policy, now);
  }
}
