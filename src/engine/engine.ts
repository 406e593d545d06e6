import { analyse, learningFrom, profileKeysFor } from '../core/analyse.js';
import type { Envelope, Message } from '../core/message.js';
import type { Org } from '../core/org.js';
import type { Policy } from '../core/policy.js';
import { ProfileView, type Observation } from '../core/profile.js';
import type { Verdict } from '../core/verdict.js';
import type { Resolver } from '../mail/dns.js';
import type { Store } from '../store/store.js';
import { messageContentOf } from './message-content.js';
import { OrgListCache } from './org-list-cache.js';
import { readMessage } from './read-message.js';

export interface EngineOptions {
  readonly store: Store;
  readonly org: Org;
  readonly policy: Policy;
  readonly trustedAuthservIds: readonly string[];
  readonly resolver: Resolver | null;
}

/**
 * The shell around the pure core: parse → load profiles (one batched read) → analyse →
 * persist → learn. The gateway, the CLI and `belong eval` all go through this one path.
 */
export class Engine {
  readonly store: Store;
  readonly policy: Policy;
  /** Replaced whole by setOrg; every use reads it afresh. */
  private currentOrg: Org;
  private readonly trustedAuthservIds: readonly string[];
  private readonly resolver: Resolver | null;
  private readonly orgLists = new OrgListCache();

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.currentOrg = options.org;
    this.policy = options.policy;
    this.trustedAuthservIds = options.trustedAuthservIds;
    this.resolver = options.resolver;
  }

  get org(): Org {
    return this.currentOrg;
  }

  /** Judge and learn with this organisation from now on (domains, groups or VIPs changed in the settings). */
  setOrg(org: Org): void {
    this.currentOrg = org;
  }

  read(raw: Buffer, envelope: Envelope | null = null): Promise<Message> {
    return readMessage(raw, { envelope, orgDomains: this.org.domains, trustedAuthservIds: this.trustedAuthservIds, resolver: this.resolver });
  }

  /** Score one message against what was learned, without learning from it. */
  async score(message: Message, now: number): Promise<Verdict> {
    const { keys, valueQueries } = profileKeysFor(message, this.org);
    const [counters, values] = await Promise.all([this.store.readProfiles(keys), valueQueries.length > 0 ? this.orgLists.read(this.store, valueQueries) : new Map()]);
    const view = new ProfileView(counters, values);
    return analyse(message, view, this.org, this.policy, now);
  }

  /** What the message teaches, respecting the verdict (held mail teaches nothing). */
  observe(message: Message, verdict: Verdict | null, at: number): Observation[] {
    return learningFrom(message, this.org, verdict, at);
  }

  async learn(observations: readonly Observation[]): Promise<void> {
    if (observations.length > 0) await this.store.learn(observations);
  }

  /** Production order for one message: verdict first, persisted, then learned from. */
  async process(raw: Buffer, options: { envelope?: Envelope | null; now: number; origin?: string | null }): Promise<{ message: Message; verdict: Verdict }> {
    const message = await this.read(raw, options.envelope ?? null);
    const verdict = await this.score(message, options.now);
    await this.store.saveVerdict({ verdict, origin: options.origin ?? null }, messageContentOf(message));
    await this.learn(this.observe(message, verdict, options.now));
    return { message, verdict };
  }
}

/**
 * When a replayed message "happened": its Date header, unless that is missing or absurd
 * (before the previous message by more than a day, or in the future of the replay), in which
 * case the replay clock carries on. Keeps decay and "days known" meaningful in replays.
 */
export function replayTime(message: Message, previous: number | null, wallClock: number): number {
  const date = message.date;
  if (date === null || !Number.isFinite(date) || date > wallClock) return previous ?? wallClock;
  if (previous !== null && date < previous - 86_400_000) return previous;
  return date;
}
