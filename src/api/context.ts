import type { Config } from '../config/config.js';
import type { Org } from '../core/org.js';
import type { Engine } from '../engine/engine.js';
import type { Deliver, Quarantine } from '../quarantine/quarantine.js';
import type { Store } from '../store/store.js';

/** What the routes work with; built once by `belong serve` (or a test). */
export interface ApiContext {
  readonly store: Store;
  readonly now: () => number;
  /** Null when the server runs without a quarantine: the held routes answer 503. */
  readonly quarantine: Quarantine | null;
  /** Where a release hands the original (the gateway spool's released/ directory). */
  readonly deliver: Deliver;
  /** Learns from a released message; null skips learning. */
  readonly engine: Engine | null;
  /** The organisation as currently configured (domains, groups, VIPs): group filters expand through it. */
  readonly org: () => Org;
  /** The effective configuration, shown (secrets redacted) by GET /api/v1/settings. */
  readonly config: Config | null;
  /**
   * Called after PUT /api/v1/settings saved a change, with the new effective configuration, so
   * the server applies it live (e.g. `engine.setOrg` for new domains, groups or VIPs). Optional:
   * without it the change is kept and shown, and takes effect at the next start.
   */
  readonly onSettingsChange?: (config: Config) => void | Promise<void>;
  /** `Secure` on the session cookie: 'auto' follows the request's protocol. */
  readonly secureCookies: boolean | 'auto';
  readonly sessionTtlMs: number;
}
