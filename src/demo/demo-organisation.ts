import path from 'node:path';
import { ConfigSchema, configuredOrg, type Config } from '../config/config.js';
import { loadPolicy } from '../config/policy-file.js';
import { Engine } from '../engine/engine.js';
import { resolveOrg } from '../engine/org-setup.js';
import { openQuarantine } from '../quarantine/open-quarantine.js';
import type { Scale } from '../simulate/simulate.js';
import { openStore } from '../store/open-store.js';
import type { CommandContext } from '../cli/context.js';
import { demoTimeline, type DemoTimeline } from './demo-timeline.js';
import { seedHistory, type SeedPhase, type SeedResult } from './seed-history.js';
import { simulatedGroups, simulatedMail, type SimulatedMail } from './simulated-mail.js';

/** Held mail and message content stay this long: the history reaches back a month, and none of it should expire during a demo. */
const DEMO_RETENTION_DAYS = 45;

export interface DemoOrganisation {
  /** Config, policy and the open SQLite store (the caller closes it). */
  readonly context: CommandContext;
  readonly sim: SimulatedMail;
  readonly timeline: DemoTimeline;
  readonly seeded: SeedResult;
}

export interface DemoOrganisationOptions {
  /** An empty directory the demo owns: simulated mail, database, keys, quarantine, spool. */
  readonly dataDir: string;
  readonly seed: number;
  readonly scale: Scale;
  readonly now: number;
  readonly policyFile?: string;
  readonly onSimulated?: (sim: SimulatedMail, timeline: DemoTimeline) => void;
  readonly onProgress?: (phase: SeedPhase, done: number, total: number) => void;
}

/**
 * The configuration the demo runs with, built from the schema alone (no config file or BELONG_*
 * variables leak in): embedded SQLite in the demo's directory, the simulated organisation's
 * domain and departments as groups, autonomy active so holds, banners and locked links happen.
 */
export function demoConfig(dataDir: string, sim: SimulatedMail, policyFile?: string): Config {
  const parsed = ConfigSchema.parse({
    dataDir,
    orgDomains: [sim.org.domain],
    groups: simulatedGroups(sim.org),
    autonomy: 'active',
    quarantineRetentionDays: DEMO_RETENTION_DAYS,
    messageRetentionDays: DEMO_RETENTION_DAYS,
    ...(policyFile ? { policy: policyFile } : {}),
  });
  return { ...parsed, dbPath: path.join(dataDir, 'belong.db') };
}

/**
 * A living organisation in a store: simulate it, lay its months over the weeks before `now`,
 * learn the learn period and score the test month up to now (held mail sealed into the
 * quarantine). What remains of the test month is returned in the timeline for a live feed.
 */
export async function prepareDemoOrganisation(options: DemoOrganisationOptions): Promise<DemoOrganisation> {
  const sim = await simulatedMail({ dir: path.join(options.dataDir, 'simulated'), seed: options.seed, scale: options.scale });
  const timeline = demoTimeline(sim.messages, sim.testEnd, options.now);
  options.onSimulated?.(sim, timeline);
  const config = demoConfig(options.dataDir, sim, options.policyFile);
  const policy = config.policy ? loadPolicy(config.policy) : loadPolicy();
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: null });
  try {
    const resolved = await resolveOrg(configuredOrg(config), store, async () => []);
    const engine = new Engine({ store, org: resolved.org, policy, trustedAuthservIds: config.trustedAuthservIds, resolver: null });
    const quarantine = await openQuarantine(config, store);
    const seeded = await seedHistory(timeline.learn, timeline.history, { engine, quarantine, shiftMs: timeline.shiftMs, now: options.now, onProgress: options.onProgress });
    return { context: { config, policy, store }, sim, timeline, seeded };
  } catch (error) {
    await store.close();
    throw error;
  }
}
