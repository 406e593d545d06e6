import { habitsOf, linkDomainsOf, widthBucket } from '../../behaviour/habits.js';
import { isInternalAddress, type Org } from '../../org.js';
import { recipientsOf, type Message } from '../../message.js';
import type { ProfileKey, ValuesQuery } from '../../profile.js';
import { BehaviourKeys } from '../behaviour-keys.js';
import type { FeatureInput, ModelFeature } from '../feature.js';

/** How many of our people one email went to, uncapped (the profiled recipient list is capped). */
export function internalRecipientCount(message: Message, org: Org): number {
  return recipientsOf(message).filter((r) => isInternalAddress(org, r)).length;
}

function habitKeys({ message, who }: FeatureInput): ProfileKey[] {
  return [...habitsOf(message).map((h) => BehaviourKeys.habit(who.sender, h)), ...linkDomainsOf(message).map((d) => BehaviourKeys.linkDomain(who.sender, d))];
}

/**
 * A sender's habits: how many messages they send (the denominator of every habit), to how many
 * of our people at once, with which link domains, attachments, HTML and script.
 */
export const habitsFeature: ModelFeature = {
  name: 'habits',
  lookups(input) {
    const { who } = input;
    if (!who.sender) return [];
    return [BehaviourKeys.sent('address', who.sender), ...habitKeys(input)];
  },
  valueLookups({ who }): ValuesQuery[] {
    return who.sender ? [BehaviourKeys.widthQuery(who.sender)] : [];
  },
  observations(input) {
    const { who, message, org } = input;
    if (!who.sender) return [];
    const keys: ProfileKey[] = [BehaviourKeys.sent('address', who.sender), BehaviourKeys.sent('org', ''), ...habitKeys(input)];
    if (who.senderDomain) keys.push(BehaviourKeys.sent('domain', who.senderDomain));
    const width = internalRecipientCount(message, org);
    if (who.direction !== 'outbound' && width > 0) keys.push(BehaviourKeys.width(who.sender, widthBucket(width)));
    return keys;
  },
};
