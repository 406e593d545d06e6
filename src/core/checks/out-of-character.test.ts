import { describe, expect, it } from 'vitest';
import { at, defaultPolicy, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage, dkimSigned, hop } from '../../../test/helpers/message-builder.js';
import type { Link } from '../message.js';
import { tagsFor } from '../score.js';

function link(href: string, registrableDomain: string): Link {
  return { href, text: 'Open document', host: registrableDomain, registrableDomain, textDomain: null, source: 'html' };
}

/** vera@vendor.com: 60 days of office-hours mail to alice from the vendor's servers, with links only to vendor-portal.com. */
function model() {
  const m = newModel();
  for (let day = 0; day < 60; day += 1) {
    m.learnMessage(
      buildMessage({
        from: 'vera@vendor.com',
        to: ['alice@example.org'],
        date: at(day, 9 + (day % 7)),
        received: [hop('203.0.113.5', 'out.vendor.com', 'out.vendor.com')],
        auth: dkimSigned('vendor.com'),
        links: day % 2 === 0 ? [link('https://vendor-portal.com/x', 'vendor-portal.com')] : [],
      }),
    );
  }
  return m;
}

const usual = { received: [hop('203.0.113.5', 'out.vendor.com', 'out.vendor.com')], auth: dkimSigned('vendor.com') };

describe('OUT_OF_CHARACTER', () => {
  it('fires when a known sender links to a new domain at 03:00 UTC to many new recipients, listing the broken habits', () => {
    const when = at(61, 3);
    const verdict = model().score(
      buildMessage({ ...usual, from: 'vera@vendor.com', to: ['alice@example.org', 'bob@example.org', 'carol@example.org', 'dave@example.org'], date: when, links: [link('https://evil-login.example/x', 'evil-login.example')] }),
      when,
    );
    const s = signal(verdict.signals, 'OUT_OF_CHARACTER');
    expect(s?.evidence).toMatchObject({ brokenHabits: ['linkDomains', 'recipients', 'hour'], senderMessages: 60 });
    expect(s?.strength).toBeGreaterThan(0.6);
    expect(verdict.tags).toContain('Out of Character');
  });

  it('fires on a takeover over new infrastructure with a new link domain', () => {
    const when = at(61, 10);
    const verdict = model().score(
      buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: when, received: [hop('198.51.100.9', 'vps.bad-host.example')], auth: dkimSigned('bad-host.example'), links: [link('https://evil-login.example/x', 'evil-login.example')] }),
      when,
    );
    expect(signal(verdict.signals, 'OUT_OF_CHARACTER')?.evidence.brokenHabits).toEqual(['linkDomains', 'infrastructure']);
  });

  it('stays silent when a known sender breaks a single habit (a new link domain in office hours)', () => {
    const when = at(61, 10);
    const verdict = model().score(buildMessage({ ...usual, from: 'vera@vendor.com', to: ['alice@example.org'], date: when, links: [link('https://new-partner.example/x', 'new-partner.example')] }), when);
    expect(signal(verdict.signals, 'OUT_OF_CHARACTER')).toBeUndefined();
  });

  it('says nothing about a sender without established habits', () => {
    const m = newModel();
    for (let day = 0; day < 3; day += 1) m.learnMessage(buildMessage({ from: 'new@vendor.com', to: ['alice@example.org'], date: at(day, 10) }));
    const when = at(4, 3);
    const verdict = m.score(buildMessage({ from: 'new@vendor.com', to: ['alice@example.org', 'bob@example.org', 'carol@example.org'], date: when, links: [link('https://x.example/', 'x.example')] }), when);
    expect(signal(verdict.signals, 'OUT_OF_CHARACTER')).toBeUndefined();
  });
});

describe('the Account Takeover tag', () => {
  const fired = (id: string, strength: number) => ({ id, strength, evidence: {}, summary: id });
  it('needs an out-of-character sender asking for credentials or money, not either alone', () => {
    expect(tagsFor([fired('OUT_OF_CHARACTER', 0.3), fired('CREDENTIAL_REQUEST', 0.8)], defaultPolicy)).toContain('Account Takeover');
    expect(tagsFor([fired('CREDENTIAL_REQUEST', 0.8)], defaultPolicy)).not.toContain('Account Takeover');
    expect(tagsFor([fired('OUT_OF_CHARACTER', 0.9)], defaultPolicy)).not.toContain('Account Takeover');
  });
});
