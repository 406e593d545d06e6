import { describe, expect, it } from 'vitest';
import { establishedOrg, LATER, learnRepeatedly, mail, org, policy, signalOf, webLink } from '../../../test/helpers/content-org.js';
import { MemoryModel } from '../../../test/helpers/memory-model.js';

const STRANGER = 'security@account-notice.example';
const NEWSLETTER = 'news@partner.com';

describe('link checks', () => {
  it('LINK_TEXT_MISMATCH: text names the bank, href goes elsewhere; a newsletter tracking redirect seen for months is silent', () => {
    const fired = signalOf(establishedOrg().score(mail({ from: STRANGER, links: [webLink('https://evil-login.example/x', 'www.mybank.com')] }), LATER), 'LINK_TEXT_MISMATCH');
    expect(fired?.strength).toBe(1);
    expect(fired?.evidence).toMatchObject({ shownDomain: 'mybank.com', actualDomain: 'evil-login.example' });
    const model = establishedOrg();
    const tracked = { from: NEWSLETTER, links: [webLink('https://click.mailtrack.net/abc', 'partner.com/offers')] };
    learnRepeatedly(model, 30, tracked);
    expect(signalOf(model.score(mail(tracked), LATER), 'LINK_TEXT_MISMATCH')).toBeUndefined();
  });

  it('LINK_DOMAIN_NEW_TO_ORG: a domain nobody here linked to; the partner docs site the org sees daily is silent', () => {
    const fired = signalOf(establishedOrg().score(mail({ from: STRANGER, links: [webLink('https://files-share.example/doc')] }), LATER), 'LINK_DOMAIN_NEW_TO_ORG');
    expect(fired?.evidence.newDomains).toEqual(['files-share.example']);
    expect(fired?.evidence.orgMessagesWithLinks).toBe(80);
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, links: [webLink('https://docs.partner.com/x')] }), LATER), 'LINK_DOMAIN_NEW_TO_ORG')).toBeUndefined();
  });

  it('LINK_DOMAIN_NEW_TO_ORG is weaker with little link history', () => {
    const m = mail({ from: STRANGER, links: [webLink('https://files-share.example/doc')] });
    const full = signalOf(establishedOrg().score(m, LATER), 'LINK_DOMAIN_NEW_TO_ORG')!.strength;
    const empty = new MemoryModel(org, policy);
    learnRepeatedly(empty, 5, { from: 'ann@partner.com', links: [webLink('https://docs.partner.com/x')] });
    expect(signalOf(empty.score(m, LATER), 'LINK_DOMAIN_NEW_TO_ORG')!.strength).toBeLessThan(full);
  });

  it('LINK_IP_LITERAL: a link to a bare IP; an ordinary domain link is silent', () => {
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, links: [webLink('http://203.0.113.7/login')] }), LATER), 'LINK_IP_LITERAL')?.evidence.hosts).toEqual(['203.0.113.7']);
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, links: [webLink('https://docs.partner.com/x')] }), LATER), 'LINK_IP_LITERAL')).toBeUndefined();
  });

  it('LINK_PUNYCODE: a punycode host; one the organisation links to routinely is silent', () => {
    const idn = { from: STRANGER, links: [webLink('https://xn--pypal-4ve.com/signin')] };
    expect(signalOf(establishedOrg().score(mail(idn), LATER), 'LINK_PUNYCODE')?.strength).toBe(1);
    const model = establishedOrg();
    const local = { from: 'shop@xn--bcher-kva.de', links: [webLink('https://xn--bcher-kva.de/order')] };
    learnRepeatedly(model, 12, local);
    expect(signalOf(model.score(mail(local), LATER), 'LINK_PUNYCODE')).toBeUndefined();
  });

  it('LINK_SHORTENER: a shortened link from a stranger; a sender who always shortens is silent', () => {
    const short = { links: [webLink('https://bit.ly/3xYz')] };
    expect(signalOf(establishedOrg().score(mail({ from: STRANGER, ...short }), LATER), 'LINK_SHORTENER')).toBeDefined();
    const model = establishedOrg();
    learnRepeatedly(model, 15, { from: NEWSLETTER, ...short });
    expect(signalOf(model.score(mail({ from: NEWSLETTER, ...short }), LATER), 'LINK_SHORTENER')).toBeUndefined();
  });

  it('LOGIN_LURE: "verify your account" with a link to a new domain; the helpdesk\'s password notice linking to the known portal is silent', () => {
    const fired = signalOf(
      establishedOrg().score(mail({ from: STRANGER, text: 'Verify your account within 24 hours.', links: [webLink('https://m365-verify.example/login', 'Sign in')] }), LATER),
      'LOGIN_LURE',
    );
    expect(fired?.strength).toBeGreaterThan(0.7);
    expect(fired?.evidence.domains).toEqual(['m365-verify.example']);
    const model = establishedOrg();
    const notice = { from: 'helpdesk@example.org', text: 'Your password expires next week. Reset it on the portal.', links: [webLink('https://portal.example.org/password', 'Reset password')] };
    learnRepeatedly(model, 10, notice);
    expect(signalOf(model.score(mail(notice), LATER), 'LOGIN_LURE')).toBeUndefined();
  });

  it('LOGIN_LURE: a "document shared with you" whose link is a sign-in page on a new domain; the partner docs site is silent', () => {
    const lure = { from: 'ulla@vendor.com', text: 'Ulla has shared a secure document with you.', links: [webLink('https://files-transfer-secure.test/auth/login?doc=1', 'Review document')] };
    const fired = signalOf(establishedOrg().score(mail(lure), LATER), 'LOGIN_LURE');
    expect(fired?.evidence).toMatchObject({ loginPage: true, domains: ['files-transfer-secure.test'] });
    const known = { ...lure, links: [webLink('https://docs.partner.com/view?doc=1', 'Review document')] };
    expect(signalOf(establishedOrg().score(mail(known), LATER), 'LOGIN_LURE')).toBeUndefined();
  });

  it('LOGIN_LURE still fires on a campaign\'s second wave, whose domain the first wave taught the model once', () => {
    const model = establishedOrg();
    const lure = { text: 'Please sign in to approve the document.', links: [webLink('https://docs-viewer.top/d/1')] };
    learnRepeatedly(model, 1, { from: 'a@first-wave.example', ...lure });
    const second = signalOf(model.score(mail({ from: 'b@second-wave.example', ...lure }), LATER), 'LOGIN_LURE');
    expect(second?.evidence.timesOrgLinkedIt).toBe(1);
    expect(second!.strength).toBeLessThan(signalOf(establishedOrg().score(mail({ from: 'b@second-wave.example', ...lure }), LATER), 'LOGIN_LURE')!.strength);
  });
});
