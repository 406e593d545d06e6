import { normaliseMessageId, threadReferences } from '../../behaviour/thread-markers.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { ModelFeature } from '../feature.js';

/**
 * The Message-IDs the organisation has seen (both directions), so a "Re:" can be checked
 * against a real thread. Reads are bounded to In-Reply-To plus the nearest few References.
 */
export const threadsFeature: ModelFeature = {
  name: 'threads',
  lookups: ({ message }) => threadReferences(message).map((id) => BehaviourKeys.thread(id)),
  observations({ message }) {
    const id = message.messageId ? normaliseMessageId(message.messageId) : '';
    return id ? [BehaviourKeys.thread(id)] : [];
  },
};
