import type { Evidence, Signal } from '../../src/core/signal.js';

/**
 * One realistic signal per policy signal id, with evidence shaped exactly as its check builds it
 * (values taken from the simulated organisation). Golden narratives are built from these.
 */
const SENDER = 'aokafor@tellowick-print.com';
const KNOWN = 'oskar@thornbury-legal.co.uk';
const RECIPIENT = 'jasper.dunmore@corvid-labs.example';

const EVIDENCE: Readonly<Record<string, { strength: number; evidence: Evidence; summary: string }>> = {
  FIRST_CONTACT_RECIPIENT: { strength: 0.9, evidence: { sender: KNOWN, newRecipients: [RECIPIENT], recipients: 1, senderPeopleWrittenTo: 4, senderDaysKnown: 296, recipientMessagesReceived: 158 }, summary: `${KNOWN} has written to 4 people here, but never to ${RECIPIENT}` },
  FIRST_CONTACT_ORG: { strength: 0.99, evidence: { sender: SENDER, senderDomain: 'tellowick-print.com', domainPrevalence: 'new', domainPeopleWrittenTo: 0, orgMessagesLearned: 4166 }, summary: `nobody here has exchanged mail with ${SENDER} before` },
  NEW_SENDER_DOMAIN: { strength: 0.99, evidence: { senderDomain: 'tellowick-print.com', orgMessagesLearned: 4166 }, summary: 'the domain tellowick-print.com has never appeared in 4166 emails learned here' },
  REPLY_TO_DIVERGENCE: { strength: 1, evidence: { sender: 'martin@harbourline-consulting.test', senderDomain: 'harbourline-consulting.test', replyTo: 'martin.hale.62@inboxly.test', replyToDomain: 'inboxly.test', sameDomain: false, replyToUsedBySenderBefore: 0, replyToPrevalence: 'new', messagesToReplyTo: 0 }, summary: 'replies go elsewhere' },
  AUTH_FAIL_KNOWN_DOMAIN: { strength: 0.55, evidence: { dmarcPolicy: null, senderDomain: 'nimbusreef.io', failed: ['dmarc', 'spf'], resultSource: 'upstream', ownDomain: false, passesBefore: 30, failuresBefore: 0, domainMessages: 56 }, summary: 'it failed dmarc and spf for nimbusreef.io, whose mail passed 30 times before' },
  AUTH_FAIL_UNKNOWN_DOMAIN: { strength: 1, evidence: { dmarcPolicy: 'reject', senderDomain: 'parcel-notice.test', failed: ['dkim'], resultSource: 'mailauth', ownDomain: false, passesBefore: 0, failuresBefore: 0, domainMessages: 0 }, summary: 'it failed dkim for parcel-notice.test' },
  SOLICITED: { strength: 1, evidence: { sender: 'greta@nimbusreef.io', senderDomain: 'nimbusreef.io', messagesToSender: 15, peopleWhoWroteToSender: 3, messagesToDomain: 26 }, summary: '3 people here have written to greta@nimbusreef.io before' },
  KNOWN_SENDER_NEW_GROUP: { strength: 0.7, evidence: { sender: KNOWN, recipientsOutsideCircle: ['lena.ferris@corvid-labs.example'], senderPeopleWrittenTo: 3, senderMessages: 40, recipientGroupSize: 12, namedGroups: ['finance'] }, summary: 'outside its circle' },
  DORMANT_SENDER: { strength: 0.8, evidence: { sender: KNOWN, silentDays: 412, messagesBefore: 23, historySpanDays: 180 }, summary: 'back after 412 days' },
  VOLUME_SPIKE: { strength: 0.8, evidence: { sender: KNOWN, day: '2025-06-02', messagesToday: 40, usualPerActiveDay: 1.5, busiestDayBefore: 4, activeDaysBefore: 60 }, summary: 'many messages today' },
  WIDE_DISTRIBUTION: { strength: 0.87, evidence: { sender: 'vera.rasmussen@corvid-labs.example', recipientsHere: 25, usualWidest: '3-5', senderMessages: 34, allMessagesFromSender: 50 }, summary: 'wrote to 25 at once' },
  NEW_INFRASTRUCTURE: { strength: 0.8, evidence: { sender: 'greta@nimbusreef.io', senderDomain: 'nimbusreef.io', newDimensions: ['network', 'host', 'dkim', 'mailer'], newValues: ['network=198.51.100.0/24', 'host=bulletproof-host.example', 'dkim=none', 'mailer=phpmailer'], newToDomainToo: ['network'], senderMessages: 18, domainMessages: 30, basis: 'entity', probability: 0 }, summary: 'new servers' },
  UNUSUAL_HOUR: { strength: 0.71, evidence: { sender: 'vera.rasmussen@corvid-labs.example', hourUtc: 3, weekend: false, usualHoursUtc: ['11', '7', '8'], senderMessages: 50, senderMessagesNearHour: 0, probability: 0, basis: 'entity' }, summary: 'odd hour' },
  FAKE_REPLY: { strength: 0.99, evidence: { sender: 'signe.thorburn@invoice-followup.test', claim: 'reply', subject: 'Re: Invoice INV-2025-7295', referencesChecked: 2, threadHeaders: true, orgMessagesLearned: 4163 }, summary: 'fake reply' },
  OUT_OF_CHARACTER: { strength: 0.66, evidence: { sender: 'vera.rasmussen@corvid-labs.example', direction: 'internal', brokenHabits: ['linkDomains', 'recipients', 'hour'], details: ['linkDomains: links to corvid-docs-share.test'], senderMessages: 50, senderDaysKnown: 154 }, summary: 'out of character' },
  LOOKALIKE_DOMAIN: { strength: 0.9, evidence: { senderDomain: 'tellowick-print.com', senderDomainUnicode: 'tellowick-print.com', idn: false, imitates: 'tallowick-print.com', resemblance: 'edit-distance', editDistance: 1, imitatedMessages: 52, imitatedDaysKnown: 149, imitatedLastSeenDaysAgo: 1, imitatedWeight: 30.2, senderDomainMessages: 0 }, summary: 'imitates tallowick-print.com' },
  LOOKALIKE_OWN_DOMAIN: { strength: 0.95, evidence: { senderDomain: 'corvid-labs.net', senderDomainUnicode: 'corvid-labs.net', idn: false, imitates: 'corvid-labs.example', resemblance: 'tld-swap', editDistance: 0, senderDomainMessages: 0 }, summary: 'imitates our own domain' },
  DISPLAY_NAME_IMPERSONATION: { strength: 0.9, evidence: { displayName: 'Gwen Brightman', sender: 'gwen.9c0@postbox-free.example', addressKind: 'free-mail', knownAddresses: ['gwen.brightman@corvid-labs.example', 'gwen.brightman.home@postbox-free.example'], internalPerson: true, vip: true, colleaguesWritingToName: 5, broadcastsByName: 0 }, summary: 'impersonation' },
  CONFUSABLE_CHARACTERS: { strength: 0.9, evidence: { displayName: 'IT Service Desk', domain: 'сorvid-labs.example', inDomain: true, inName: false, findings: ['domain "сorvid-labs": mixed-script'], scripts: ['Cyrillic', 'Latin'] }, summary: 'mixed scripts' },
  ORG_NAME_IN_SENDER: { strength: 0.8, evidence: { orgName: 'Corvid Labs', ownDomain: 'corvid-labs.example', displayName: 'Corvid Labs Payroll', sender: 'payroll@hr-portal.test', inDisplayName: true, inLocalPart: false, senderDomainPrevalence: 'new' }, summary: 'uses our name' },
  PAYMENT_REQUEST: { strength: 0.8, evidence: { phrases: ['arrange payment'], sender: SENDER, senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'asks for a payment' },
  BANK_DETAILS_CHANGE_REQUEST: { strength: 0.89, evidence: { phrases: ['updated bank details'], sender: SENDER, senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'says payment details have changed' },
  CREDENTIAL_REQUEST: { strength: 0.8, evidence: { phrases: ['password expires'], sender: 'it-support@corvid-labs.net', senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'asks to sign in' },
  URGENCY_SECRECY: { strength: 0.7, evidence: { urgency: [], secrecy: ['confidential'], sender: 'martin@harbourline-consulting.test', senderPrevalence: 'new' }, summary: 'presses for secrecy' },
  GIFT_CARD_REQUEST: { strength: 0.89, evidence: { phrases: ['gift cards'], sender: 'gwen.9c0@postbox-free.example', senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'mentions gift cards' },
  CALLBACK_NUMBER: { strength: 0.99, evidence: { phrases: ['call our billing team on +44 20 7946 0615'], invoiceWording: ['subscription'], noLinks: true, sender: 'billing19@postbox-free.example', senderPrevalence: 'new' }, summary: 'asks for a call' },
  EXTORTION: { strength: 0.95, evidence: { phrases: ['bitcoin wallet'], sender: 'xk2@mailbox-anon.test', senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'threatens the reader and demands payment' },
  UNSOLICITED_BULK: { strength: 1, evidence: { sender: 'offers@growth-deals.test', listUnsubscribe: true, precedence: 'bulk' }, summary: 'sends bulk mail' },
  INVOICE: { strength: 0.4, evidence: { phrases: ['invoice'], sender: SENDER, senderMessagesBefore: 0, senderPrevalence: 'new' }, summary: 'presents an invoice' },
  BANK_DETAILS_CHANGED: { strength: 0.81, evidence: { basis: 'sender', sender: 'aokafor@tallowick-print.com', senderDomain: 'tallowick-print.com', knownAccounts: 1, timesAccountsGiven: 5, knownSince: '2025-01-07', daysKnown: 149, knownAccountsMasked: ['iban ••••0101'], newAccountsMasked: ['iban ••••0606'] }, summary: 'new bank account' },
  BANK_DETAILS_NEW_SENDER: { strength: 0.99, evidence: { sender: SENDER, senderDomain: 'tellowick-print.com', domainPrevalence: 'new', accountsMasked: ['iban ••••7352'], orgMessagesLearned: 4166 }, summary: 'bank details from a stranger' },
  LINK_TEXT_MISMATCH: { strength: 1, evidence: { shownDomain: 'corvid-labs.example', actualDomain: 'session-verify.test', mismatchedLinks: 1, actualDomains: ['session-verify.test'], timesSenderLinkedActualDomain: 0 }, summary: 'link mismatch' },
  LINK_DOMAIN_NEW_TO_ORG: { strength: 0.97, evidence: { newDomains: ['files-transfer-secure.test'], newDomainCount: 1, orgMessagesWithLinks: 1924 }, summary: 'new link domain' },
  LINK_IP_LITERAL: { strength: 0.9, evidence: { hosts: ['203.0.113.7'], example: '203.0.113.7/login', timesSenderLinkedIt: 0 }, summary: 'links to a bare IP address' },
  LINK_PUNYCODE: { strength: 1, evidence: { hosts: ['login.xn--orvid-labs-bwi.example'], domains: ['сorvid-labs.example'], timesOrgLinkedIt: 0 }, summary: 'internationalised host' },
  LINK_SHORTENER: { strength: 0.8, evidence: { shorteners: ['bit.ly'], links: 1, timesSenderUsedIt: 0 }, summary: 'URL shortener' },
  LOGIN_LURE: { strength: 0.99, evidence: { domains: ['files-transfer-secure.test'], linkText: 'Review document', phrases: ['shared a secure document'], loginPage: true, orgMessagesWithLinks: 1924, timesOrgLinkedIt: 0 }, summary: 'sign-in lure' },
  ATTACHMENT_TYPE_RARE: { strength: 0.7, evidence: { type: 'iso', basis: 'sender', recipient: RECIPIENT, attachmentsBefore: 14, orgAttachmentsOfType: 0 }, summary: 'rare type' },
  ATTACHMENT_TYPE_MISMATCH: { strength: 0.9, evidence: { attachments: ['Invoice_96863.pdf'], extension: 'pdf', detectedType: 'application/x-msdownload' }, summary: 'type mismatch' },
  ATTACHMENT_MACRO: { strength: 1, evidence: { attachments: ['Remittance_75926.docm'], types: ['docm'], timesSenderSentType: 0 }, summary: 'macros' },
  ATTACHMENT_HTML: { strength: 1, evidence: { attachments: ['Voicemail_0412.html'], types: ['html'], timesSenderSentType: 0 }, summary: 'HTML attachment' },
  ATTACHMENT_ENCRYPTED_ARCHIVE: { strength: 1, evidence: { attachments: ['Statement.zip'], types: ['zip'], timesSenderSentType: 0 }, summary: 'encrypted archive' },
  ATTACHMENT_EXECUTABLE: { strength: 1, evidence: { attachments: ['Invoice_96863.pdf'], types: ['application/x-msdownload'], timesSenderSentType: 0 }, summary: 'program' },
  REPORTED_BY_USERS: { strength: 0.8, evidence: { sender: KNOWN, scope: 'relationship', reporters: ['lena.ferris@corvid-labs.example', RECIPIENT] }, summary: 'reported as phishing' },
  REPORTED_SAFE: { strength: 0.8, evidence: { sender: KNOWN, scope: 'organisation', reporters: [] }, summary: 'reported as safe' },
  RETURN_PATH_DIVERGENCE: { strength: 0.8, evidence: { sender: KNOWN, returnPathDomain: 'bounce-relay.test', usualReturnPathDomains: 1, messagesWithReturnPath: 31 }, summary: 'bounce domain' },
};

export const CATALOGUED_IDS = Object.keys(EVIDENCE);

export function sig(id: string, strength?: number): Signal {
  const entry = EVIDENCE[id];
  if (!entry) throw new Error(`no catalogued signal ${id}`);
  return { id, strength: strength ?? entry.strength, evidence: entry.evidence, summary: entry.summary };
}
