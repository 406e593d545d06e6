import { analyse, learningFrom, profileKeysFor } from '../../src/core/analyse.js';
import type { Message } from '../../src/core/message.js';
import type { Org } from '../../src/core/org.js';
import type { Policy } from '../../src/core/policy.js';
import { ANY_VALUE, keyString, massAt, mergeCounters, ProfileView, type Counter, type Observation } from '../../src/core/profile.js';
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
    const { keys } = profileKeysFor(message, this.org);
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
    return new ProfileView(found);
  }

  score(message: Message, now = message.date ?? 0): Verdict {
    return analyse(message, this.view(message), this.org, this.policy, now);
  }
}
