import { performance } from 'node:perf_hooks';
import type { Message } from '../../core/message.js';
import type { Org } from '../../core/org.js';
import type { Policy } from '../../core/policy.js';
import type { Verdict } from '../../core/verdict.js';
import { describeError } from '../../errors.js';
import type { Resolver } from '../../mail/dns.js';
import { collectMessages, type MailItem } from '../../sources/collect.js';
import type { Store } from '../../store/store.js';
import { Learner, loadAndRead, ReplayClock, type BatchHooks } from '../batch.js';
import { Engine } from '../engine.js';
import { resolveOrg } from '../org-setup.js';
import { readMessage } from '../read-message.js';
import type { Manifest, ManifestEntry } from './manifest.js';
import { summarise, type EvalReport, type ScoredEntry } from './report.js';

/** Messages read to infer the organisation's domains when neither manifest nor config names them. */
const ORG_INFERENCE_SAMPLE = 500;

export interface EvalOptions {
  readonly store: Store;
  readonly policy: Policy;
  /** The configured organisation; a manifest's org line overrides its domains. */
  readonly configuredOrg: Org;
  readonly trustedAuthservIds: readonly string[];
  readonly resolver: Resolver | null;
  readonly wallClock: number;
  readonly hooks: BatchHooks;
  readonly onVerdict?: (entry: ManifestEntry, verdict: Verdict) => void;
}

/**
 * The evaluation contract (DESIGN.md): replay the manifest in file order through the same engine
 * the gateway uses. `learn` lines are learned without scoring; `test` lines are scored before
 * they are learned. Labels are only ever used for the report, never for learning.
 */
export async function runEval(manifest: Manifest, options: EvalOptions): Promise<EvalReport> {
  const collected = await collectMessages(manifest.entries.map((e) => e.file), { order: 'given' });
  const items = new Map<string, MailItem>(collected.items.map((item) => [item.origin, item]));
  const problems = new Map(collected.problems.map((p) => [p.subject, describeError(p.error)]));

  const resolved = await resolveOrg({ ...options.configuredOrg, domains: manifest.orgDomains ?? options.configuredOrg.domains }, options.store, async () => {
    const sample: Message[] = [];
    for (const entry of manifest.entries.filter((e) => e.phase === 'learn').slice(0, ORG_INFERENCE_SAMPLE)) {
      const item = items.get(entry.file);
      if (item) sample.push(await readMessage(await item.load(), { orgDomains: [], trustedAuthservIds: [], resolver: null }).catch(() => null as never));
    }
    return sample.filter(Boolean);
  });
  const engine = new Engine({ store: options.store, org: resolved.org, policy: options.policy, trustedAuthservIds: options.trustedAuthservIds, resolver: options.resolver });

  const clock = new ReplayClock(options.wallClock);
  const learner = new Learner(engine);
  const scored: ScoredEntry[] = [];
  let learned = 0;
  let unreadable = 0;
  for (const entry of manifest.entries) {
    const item = items.get(entry.file);
    if (!item) {
      unreadable += 1;
      options.hooks.onProblem(entry.file, problems.get(entry.file) ?? 'not found');
      options.hooks.onMessage?.({ origin: entry.file, date: null, load: async () => Buffer.alloc(0) });
      continue;
    }
    if (entry.phase === 'learn') {
      const message = await loadAndRead(engine, item, options.hooks);
      options.hooks.onMessage?.(item);
      if (!message) {
        unreadable += 1;
        continue;
      }
      await learner.add(message, null, clock.next(message));
      learned += 1;
      continue;
    }
    // Production order: everything learned so far is visible to this verdict.
    await learner.flush();
    const started = performance.now();
    const message = await loadAndRead(engine, item, options.hooks);
    if (!message) {
      unreadable += 1;
      options.hooks.onMessage?.(item);
      continue;
    }
    const at = clock.next(message);
    const verdict = await engine.score(message, at);
    scored.push({ label: entry.label, kind: entry.kind, verdict, latencyMs: performance.now() - started });
    options.onVerdict?.(entry, verdict);
    await engine.learn(engine.observe(message, verdict, at));
    options.hooks.onMessage?.(item);
  }
  await learner.flush();
  return summarise(scored, { learned, unreadable, manifestProblems: manifest.problems.length, orgDomains: resolved.org.domains });
}
