import type { FactKind } from '../facts.js';
import { realiseAttachment } from './attachment.js';
import { realiseAuth } from './auth.js';
import { realiseBank } from './bank.js';
import { realiseFakeReply } from './fake-reply.js';
import { realiseImpersonation } from './impersonation.js';
import { realiseInfrastructure } from './infrastructure.js';
import { realiseLink } from './link.js';
import { realiseLookalike } from './lookalike.js';
import { realiseOrgName } from './org-name.js';
import { realiseOther } from './other.js';
import { realiseOutOfCharacter } from './out-of-character.js';
import type { Realiser } from './realiser.js';
import { realiseReported } from './reported.js';
import { realiseReplyTo } from './reply-to.js';
import { realiseReturnPath } from './return-path.js';
import { realiseSender } from './sender.js';
import { realiseUnusualHour } from './unusual-hour.js';
import { realiseVolumeSpike } from './volume-spike.js';
import { realiseWideDistribution } from './wide-distribution.js';

/** One realiser per fact kind. */
export const REALISERS: Readonly<Record<FactKind, Realiser>> = {
  sender: realiseSender,
  reported: realiseReported,
  lookalike: realiseLookalike,
  impersonation: realiseImpersonation,
  orgName: realiseOrgName,
  auth: realiseAuth,
  fakeReply: realiseFakeReply,
  replyTo: realiseReplyTo,
  returnPath: realiseReturnPath,
  infrastructure: realiseInfrastructure,
  outOfCharacter: realiseOutOfCharacter,
  wideDistribution: realiseWideDistribution,
  volumeSpike: realiseVolumeSpike,
  unusualHour: realiseUnusualHour,
  bank: realiseBank,
  link: realiseLink,
  attachment: realiseAttachment,
  other: realiseOther,
};
