/** Every attack kind the simulator writes, one generator each (DESIGN: attack kinds of issue 3). */
import type { AttackGenerator } from './attack-kit.js';
import { callbackScam, credentialPhish, fakeReply, giftCard, maliciousAttachment, replyToDivergence } from './attacks-content.js';
import { displayNameImpersonation, lookalikeOwnDomain, lookalikeVendor, spoofKnownDomain, spoofOwnDomain } from './attacks-identity.js';
import { accountTakeoverExternal, accountTakeoverInternal, vendorBankChange } from './attacks-takeover.js';

export const ATTACK_GENERATORS: Readonly<Record<string, AttackGenerator>> = {
  'lookalike-vendor': lookalikeVendor,
  'lookalike-own-domain': lookalikeOwnDomain,
  'display-name-impersonation': displayNameImpersonation,
  'vendor-bank-change': vendorBankChange,
  'account-takeover-internal': accountTakeoverInternal,
  'account-takeover-external': accountTakeoverExternal,
  'spoof-known-domain': spoofKnownDomain,
  'spoof-own-domain': spoofOwnDomain,
  'credential-phish': credentialPhish,
  'malicious-attachment': maliciousAttachment,
  'fake-reply': fakeReply,
  'callback-scam': callbackScam,
  'gift-card': giftCard,
  'reply-to-divergence': replyToDivergence,
};

export const ATTACK_KINDS: readonly string[] = Object.keys(ATTACK_GENERATORS);
