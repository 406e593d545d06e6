import type { ModelFeature } from '../feature.js';
import { relationshipFeature } from './relationship.js';
import { attachmentsFeature } from './attachments.js';
import { bankDetailsFeature } from './bank-details.js';
import { linksFeature } from './links.js';
import { domainIndexFeature } from './domain-index.js';
import { identityFeature } from './identity.js';
import { infrastructureFeature } from './infrastructure.js';
import { hoursFeature } from './hours.js';
import { volumeFeature } from './volume.js';
import { threadsFeature } from './threads.js';
import { habitsFeature } from './habits.js';
import { groupsFeature } from './groups.js';
import { returnPathFeature } from './return-path.js';
import { feedbackFeature } from './feedback.js';

/** Every model feature, in a fixed order so lookups and learning are deterministic. */
export const ALL_FEATURES: readonly ModelFeature[] = [relationshipFeature, infrastructureFeature, hoursFeature, volumeFeature, threadsFeature, habitsFeature, groupsFeature, domainIndexFeature, identityFeature, linksFeature, attachmentsFeature, bankDetailsFeature, returnPathFeature, feedbackFeature];
