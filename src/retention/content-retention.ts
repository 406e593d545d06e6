import type { Store } from '../store/store.js';

const DAY_MS = 86_400_000;

export const PRUNE_CONTENT_ACTION = 'retention.prune_content';

export interface ContentPruned {
  /** Content of messages analysed before this instant (ms) was removed. */
  readonly before: number;
  readonly removed: number;
}

/**
 * Message content retention: the headers, bodies, links and attachment details of messages
 * analysed more than `retentionDays` ago are removed; their verdicts (score, tags, narrative)
 * stay, so the lists, metrics and history are unchanged. A prune that removed something is
 * audited (actor `belong`), because removing stored mail is a decision someone may ask about.
 */
export async function pruneExpiredContent(options: { readonly store: Store; readonly retentionDays: number; readonly now: number }): Promise<ContentPruned> {
  const before = options.now - options.retentionDays * DAY_MS;
  const removed = await options.store.pruneMessageContent(before);
  if (removed > 0) {
    await options.store.appendAudit({ at: options.now, actor: 'belong', action: PRUNE_CONTENT_ACTION, subject: 'message_content', detail: { before, removed } });
  }
  return { before, removed };
}
