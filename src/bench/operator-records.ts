/**
 * The operator records a deployment builds up beside its verdicts, for the dashboard pages the
 * benchmark times: a quarantine entry for each held message (still held or asked to be
 * released while within the retention, decided or expired after it), and link-page visits on
 * some of the mail whose links were locked (most blocked, some going on to the site, some
 * attributed to the recipient). Drawn from their own Rng stream, so the verdicts stay the same.
 */
import type { Verdict } from '../core/verdict.js';
import type { Rng } from '../simulate/rng.js';
import type { LinkClick, QuarantineEntry, QuarantineState } from '../store/store.js';

const DAY = 86_400_000;
/** The quarantine's default retention: older held mail has been decided on or has expired. */
const RETENTION_DAYS = 30;
/** Share of locked-link mail on which someone opened the link page. */
const CLICKED_SHARE = 0.05;

export interface OperatorRecords {
  readonly quarantine: QuarantineEntry | null;
  readonly clicks: LinkClick[];
}

/** What the state of a message held at `receivedAt` would be at `now`. */
function heldState(rng: Rng, receivedAt: number, now: number): { state: QuarantineState; updatedAt: number } {
  const age = now - receivedAt;
  if (age <= RETENTION_DAYS * DAY) {
    const state = rng.weighted<QuarantineState>([['held', 85], ['release_requested', 5], ['released', 6], ['deleted', 4]]);
    return { state, updatedAt: state === 'held' ? receivedAt : receivedAt + rng.int(0, Math.max(0, age - 1)) };
  }
  const state = rng.weighted<QuarantineState>([['expired', 60], ['released', 25], ['deleted', 15]]);
  return { state, updatedAt: state === 'expired' ? receivedAt + RETENTION_DAYS * DAY : receivedAt + rng.int(0, RETENTION_DAYS * DAY - 1) };
}

function heldEntry(v: Verdict, rng: Rng, now: number): QuarantineEntry {
  const { state, updatedAt } = heldState(rng, v.analysedAt, now);
  return {
    id: `q-${v.id}`,
    verdictId: v.id,
    messageId: v.messageId,
    digest: v.digest,
    sender: v.from,
    recipients: [...v.recipients],
    receivedAt: v.analysedAt,
    state,
    expiresAt: v.analysedAt + RETENTION_DAYS * DAY,
    updatedAt,
    envelope: { mailFrom: v.from, rcptTo: [...v.recipients] },
  };
}

function clicksOn(v: Verdict, rng: Rng): LinkClick[] {
  if (v.actions.links === 'none' || !rng.chance(CLICKED_SHARE)) return [];
  return Array.from({ length: rng.weighted([[1, 80], [2, 15], [3, 5]] as const) }, (_, i) => ({
    token: rng.hex(32),
    verdictId: v.id,
    // Never fetched: the benchmark only stores and lists these.
    url: `https://${rng.hex(8)}.example/landing/${i}`,
    at: v.analysedAt + rng.int(60_000, 6 * 3_600_000),
    actor: v.recipients.length > 0 && rng.chance(0.5) ? rng.pick(v.recipients) : null,
    outcome: rng.chance(0.3) ? 'continued' : 'blocked',
  }));
}

/** The quarantine entry (held mail only) and link clicks for one stored verdict, as of `now`. */
export function operatorRecordsOf(v: Verdict, rng: Rng, now: number): OperatorRecords {
  return { quarantine: v.actions.delivery === 'hold' ? heldEntry(v, rng, now) : null, clicks: clicksOn(v, rng) };
}
