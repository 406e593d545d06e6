import { key, type ProfileKey } from '../profile.js';

/**
 * The email layer's vocabulary over the generic (entity, id, feature, value) model. Every key
 * the learner writes and the checks read is built here, so the two can never drift apart.
 *
 * - address X / domain D: an external correspondent (or an internal sender, for internal mail).
 * - feature 'in', value R: X wrote to our person R.   feature 'out', value U: our person U wrote to X.
 * - 'replyTo' value A: X's mail carried Reply-To A.    domain D 'auth' value pass|fail|unverified.
 * - recipient R 'in': mail R received.                 org '' 'in'|'out': the organisation's totals.
 */
export const EmailKeys = {
  addressIn: (address: string, recipient: string): ProfileKey => key('address', address, 'in', recipient),
  addressOut: (address: string, user: string): ProfileKey => key('address', address, 'out', user),
  domainIn: (domain: string, recipient: string): ProfileKey => key('domain', domain, 'in', recipient),
  domainOut: (domain: string, user: string): ProfileKey => key('domain', domain, 'out', user),
  replyTo: (address: string, replyTo: string): ProfileKey => key('address', address, 'replyTo', replyTo),
  domainAuth: (domain: string, standing: string): ProfileKey => key('domain', domain, 'auth', standing),
  recipientIn: (recipient: string): ProfileKey => key('recipient', recipient, 'in'),
  orgTotal: (direction: 'in' | 'out'): ProfileKey => key('org', '', direction),
} as const;
