import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authWith, buildMessage } from '../../test/helpers/message-builder.js';
import { MemoryModel } from '../../test/helpers/memory-model.js';
import { learningFrom } from './analyse.js';
import type { Policy } from './policy.js';
import { DAY_MS } from './profile.js';

const policy = JSON.parse(readFileSync(new URL('../../policy/default.json', import.meta.url), 'utf8')) as Policy;
const org = { domains: ['example.org'] };
const t0 = Date.UTC(2024, 0, 1);

/** An organisation with a few months of ordinary mail: vendor.com writes to alice and bob; alice writes to partner.net. */
function trainedModel(): MemoryModel {
  const model = new MemoryModel(org, policy);
  for (let day = 0; day < 120; day += 1) {
    const at = t0 + day * DAY_MS;
    model.learnMessage(buildMessage({ from: 'Vera <vera@vendor.com>', to: ['alice@example.org'], date: at, auth: authWith('pass', 'vendor.com') }));
    model.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['bob@example.org'], date: at + 1000 }));
    model.learnMessage(buildMessage({ from: 'alice@example.org', to: ['pat@partner.net'], date: at + 2000 }));
    model.learnMessage(buildMessage({ from: `news${day % 7}@list.com`, to: ['carol@example.org'], date: at + 3000 }));
  }
  return model;
}

const later = t0 + 130 * DAY_MS;
const ids = (signals: readonly { id: string }[]) => signals.map((s) => s.id);

describe('analyse', () => {
  it('finds nothing unusual in an established relationship', () => {
    const verdict = trainedModel().score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later, auth: authWith('pass', 'vendor.com') }), later);
    expect(verdict.signals).toEqual([]);
    expect(verdict.score).toBe(0);
    expect(verdict.tags).toEqual([]);
    expect(verdict.actions.delivery).toBe('deliver');
    expect(verdict.reason).toMatch(/nothing unusual/i);
  });

  it('reports first contact for a recipient with the sender history as evidence', () => {
    const verdict = trainedModel().score(buildMessage({ from: 'vera@vendor.com', to: ['carol@example.org'], date: later }), later);
    const signal = verdict.signals.find((s) => s.id === 'FIRST_CONTACT_RECIPIENT');
    expect(signal?.evidence).toMatchObject({ sender: 'vera@vendor.com', newRecipients: ['carol@example.org'], senderPeopleWrittenTo: 2 });
    expect(signal?.summary).toBe('vera@vendor.com has written to 2 people here, but never to carol@example.org');
    expect(ids(verdict.signals)).not.toContain('FIRST_CONTACT_ORG');
    expect(ids(verdict.signals)).not.toContain('NEW_SENDER_DOMAIN');
  });

  it('reports a sender and domain new to the organisation, tagged', () => {
    const verdict = trainedModel().score(buildMessage({ from: 'ceo@evil.example', to: ['alice@example.org'], date: later }), later);
    expect(ids(verdict.signals)).toEqual(['FIRST_CONTACT_RECIPIENT', 'FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN']);
    expect(verdict.tags).toEqual(['First Contact', 'New Domain']);
    expect(verdict.score).toBeGreaterThan(40);
  });

  it('treats a contact the organisation wrote to first as solicited, lowering the score', () => {
    const model = trainedModel();
    const newcomer = model.score(buildMessage({ from: 'sam@partner.net', to: ['alice@example.org'], date: later }), later);
    const invited = model.score(buildMessage({ from: 'pat@partner.net', to: ['alice@example.org'], date: later }), later);
    expect(ids(invited.signals)).toContain('SOLICITED');
    expect(ids(invited.signals)).not.toContain('FIRST_CONTACT_RECIPIENT');
    expect(invited.score).toBeLessThan(newcomer.score);
  });

  it('reports a Reply-To on another domain, weaker when the sender always does it', () => {
    const model = trainedModel();
    const diverted = model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], replyTo: ['pay@drop.example'], date: later }), later);
    const signal = diverted.signals.find((s) => s.id === 'REPLY_TO_DIVERGENCE');
    expect(signal).toMatchObject({ strength: 1, evidence: { replyTo: 'pay@drop.example', replyToDomain: 'drop.example', replyToUsedBySenderBefore: 0 } });
    expect(diverted.tags).toContain('Reply-To Divergence');

    for (let i = 0; i < 5; i += 1) model.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], replyTo: ['pay@drop.example'], date: later + i }));
    const habitual = model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], replyTo: ['pay@drop.example'], date: later + DAY_MS }), later + DAY_MS);
    expect(habitual.signals.find((s) => s.id === 'REPLY_TO_DIVERGENCE')?.strength).toBeLessThan(0.5);
  });

  it('does not treat a Reply-To inside the organisation as divergence', () => {
    const verdict = trainedModel().score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], replyTo: ['team@example.org'], date: later }), later);
    expect(ids(verdict.signals)).not.toContain('REPLY_TO_DIVERGENCE');
  });

  it('calls an authentication failure on a known domain a spoof, on an unknown one weaker', () => {
    const model = trainedModel();
    const spoof = model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later, auth: authWith('fail', 'vendor.com') }), later);
    expect(spoof.signals.find((s) => s.id === 'AUTH_FAIL_KNOWN_DOMAIN')?.evidence).toMatchObject({ passesBefore: 120, failed: ['dmarc'] });
    expect(spoof.tags).toContain('Spoof');
    const unknown = model.score(buildMessage({ from: 'x@nowhere.example', to: ['alice@example.org'], date: later, auth: authWith('fail', 'nowhere.example') }), later);
    expect(ids(unknown.signals)).toContain('AUTH_FAIL_UNKNOWN_DOMAIN');
    expect(ids(unknown.signals)).not.toContain('AUTH_FAIL_KNOWN_DOMAIN');
  });

  it('weighs a failure less when the domain does not enforce DMARC, or often failed before', () => {
    const model = trainedModel();
    const unenforcedAuth = { ...authWith('fail', 'vendor.com'), dmarc: { result: 'fail', domain: 'vendor.com', policy: 'none' } } as const;
    const strengthOf = (v: ReturnType<MemoryModel['score']>) => v.signals.find((s) => s.id === 'AUTH_FAIL_KNOWN_DOMAIN')?.strength ?? 0;
    const enforcedFail = strengthOf(model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later, auth: authWith('fail', 'vendor.com') }), later));
    const unenforcedFail = strengthOf(model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later, auth: unenforcedAuth }), later));
    expect(unenforcedFail).toBeLessThan(enforcedFail);
    for (let i = 0; i < 60; i += 1) model.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['bob@example.org'], date: later + i, auth: authWith('fail', 'vendor.com') }));
    const habitual = strengthOf(model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later + DAY_MS, auth: authWith('fail', 'vendor.com') }), later + DAY_MS));
    expect(habitual).toBeLessThan(enforcedFail * 0.75);
  });

  it('calls a failing email from our own domain a spoof at full strength', () => {
    const verdict = trainedModel().score(
      buildMessage({ from: 'ceo@example.org', to: ['alice@example.org'], date: later, auth: authWith('fail', 'example.org') }),
      later,
    );
    expect(verdict.signals.find((s) => s.id === 'AUTH_FAIL_KNOWN_DOMAIN')).toMatchObject({ strength: 1, evidence: { ownDomain: true } });
  });

  it('never calls "could not check" a failure', () => {
    const verdict = trainedModel().score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: later }), later);
    expect(ids(verdict.signals).filter((id) => id.startsWith('AUTH_'))).toEqual([]);
  });

  it('is weak with no baseline: a new mailbox is not an anomaly for everything', () => {
    const empty = new MemoryModel(org, policy);
    const verdict = empty.score(buildMessage({ from: 'someone@new.example', to: ['alice@example.org'], date: later }), later);
    expect(verdict.score).toBe(0);
  });

  it('is deterministic', () => {
    const model = trainedModel();
    const message = buildMessage({ from: 'ceo@evil.example', to: ['alice@example.org'], replyTo: ['x@y.example'], date: later });
    expect(model.score(message, later)).toEqual(model.score(message, later));
  });

  it('learns nothing from a held email, and everything from a delivered one', () => {
    const strict: Policy = { ...policy, delivery: [{ action: 'hold', because: 'test: hold everything', when: [{ minScore: 1 }] }] };
    const model = new MemoryModel(org, strict);
    const message = buildMessage({ from: 'x@evil.example', to: ['alice@example.org'], date: later });
    const held = { ...model.score(message, later), actions: { delivery: 'hold', links: 'none', attachments: 'none', notTaken: [] } } as const;
    expect(learningFrom(message, org, held, later)).toEqual([]);
    const delivered = { ...held, actions: { ...held.actions, delivery: 'deliver' } } as const;
    // The relationship feature learns first; other features append their own observations after it.
    expect(learningFrom(message, org, delivered, later).map((o) => o.key.entity).slice(0, 5)).toEqual(['org', 'recipient', 'address', 'domain', 'domain']);
  });
});
