import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy-file.js';
import { kindOf } from '../../src/core/narrative/facts.js';
import { footnotesOf } from '../../src/core/narrative/footnotes.js';
import { sentenceText } from '../../src/core/narrative/span.js';
import type { Signal } from '../../src/core/signal.js';
import type { Ask } from '../../src/core/threat.js';
import { verdictOf } from './build-verdict.js';
import { unsupportedFacts } from './fact-check.js';
import { CATALOGUED_IDS, sig } from './signal-catalogue.js';

const policy = loadPolicy();

function asksOf(signals: readonly Signal[]): Ask[] {
  const asks: Ask[] = [];
  if (signals.some((s) => s.id.startsWith('LINK_') || s.id === 'LOGIN_LURE')) asks.push('link');
  if (signals.some((s) => s.id.startsWith('ATTACHMENT_'))) asks.push('attachment');
  return asks;
}

/** Common combinations, as the simulated organisation's attacks produce them. */
const COMBINATIONS: Readonly<Record<string, readonly Signal[]>> = {
  'lookalike supplier asking for payment': ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'LOOKALIKE_DOMAIN', 'PAYMENT_REQUEST', 'INVOICE', 'BANK_DETAILS_NEW_SENDER'].map((id) => sig(id)),
  'known supplier changes bank details': [sig('SOLICITED'), sig('BANK_DETAILS_CHANGE_REQUEST', 0.27), sig('BANK_DETAILS_CHANGED')],
  'CEO impersonation asking for gift cards': ['FIRST_CONTACT_ORG', 'DISPLAY_NAME_IMPERSONATION', 'GIFT_CARD_REQUEST'].map((id) => sig(id)),
  'credential phish with a disguised link': ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'LINK_TEXT_MISMATCH', 'LOGIN_LURE', 'LINK_DOMAIN_NEW_TO_ORG'].map((id) => sig(id)),
  'taken-over account sharing a document': ['NEW_INFRASTRUCTURE', 'OUT_OF_CHARACTER', 'LOGIN_LURE', 'LINK_DOMAIN_NEW_TO_ORG'].map((id) => sig(id)),
  'own domain spoofed from new servers': [sig('AUTH_FAIL_KNOWN_DOMAIN', 1), sig('NEW_INFRASTRUCTURE')],
  'program disguised as an invoice': ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'INVOICE', 'ATTACHMENT_TYPE_MISMATCH', 'ATTACHMENT_EXECUTABLE'].map((id) => sig(id)),
  'callback scam': ['FIRST_CONTACT_RECIPIENT', 'CALLBACK_NUMBER', 'URGENCY_SECRECY'].map((id) => sig(id)),
  'diverted replies and secrecy': ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'REPLY_TO_DIVERGENCE', 'URGENCY_SECRECY'].map((id) => sig(id)),
  'lookalike of our own domain with look-alike letters': ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'LOOKALIKE_OWN_DOMAIN', 'CONFUSABLE_CHARACTERS', 'CREDENTIAL_REQUEST', 'LINK_PUNYCODE', 'LOGIN_LURE'].map((id) => sig(id)),
  'quiet: a familiar sender': [sig('SOLICITED')],
  'quiet: nothing at all': [],
};

function fixtures(): Array<[string, readonly Signal[]]> {
  const perTag = policy.tags.map((tag): [string, readonly Signal[]] => [`tag ${tag.name}`, [sig(tag.anyOf[0]!), ...(tag.allOf ?? []).map((id) => sig(id))]]);
  return [...perTag, ...Object.entries(COMBINATIONS)];
}

function render(name: string, signals: readonly Signal[]): string {
  const v = verdictOf(signals, policy, { asks: asksOf(signals) });
  const refs = footnotesOf(v.narrative).map((f) => `  [${f.n}] ${f.ref.kind}: ${f.ref.id}`);
  return [`## ${name} (score ${v.score}; ${v.tags.join(', ') || 'no tags'})`, `headline: ${v.narrative.headline}`, ...v.narrative.sentences.map((s) => `- ${sentenceText(s)}`), ...refs, ''].join('\n');
}

describe('narrative golden files', () => {
  it('one fixture per tag and per common combination', async () => {
    const text = fixtures()
      .map(([name, signals]) => render(name, signals))
      .join('\n');
    await expect(text).toMatchFileSnapshot('./__golden__/narratives.md');
  });

  it('tagged fixtures tell 2–6 sentences, quiet ones one line, and state only facts from their verdict', () => {
    for (const [name, signals] of fixtures()) {
      const v = verdictOf(signals, policy, { asks: asksOf(signals) });
      const quiet = v.tags.length === 0 && v.actions.delivery === 'deliver' && v.actions.links === 'none' && v.actions.attachments === 'none';
      if (quiet) expect(v.narrative.sentences, name).toHaveLength(1);
      else {
        expect(v.narrative.sentences.length, name).toBeGreaterThanOrEqual(2);
        expect(v.narrative.sentences.length, name).toBeLessThanOrEqual(6);
      }
      expect(v.narrative.text, name).toBe(v.narrative.sentences.map(sentenceText).join(' '));
      expect(unsupportedFacts(v.narrative.text, v), name).toEqual([]);
      expect(v.narrative.text, name).not.toMatch(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/);
    }
  });

  it('every signal in the policy has a realiser (none falls back to its raw summary) and a catalogued fixture', () => {
    for (const id of Object.keys(policy.signals)) {
      expect(kindOf(id), id).not.toBe('other');
      expect(CATALOGUED_IDS, id).toContain(id);
    }
  });

  it('an unknown signal speaks through its own summary', () => {
    const unknown: Signal = { id: 'SOMETHING_NEW', strength: 1, evidence: { sender: 'x@example.test' }, summary: 'x@example.test did something new' };
    const v = verdictOf([sig('LOOKALIKE_DOMAIN'), unknown], { ...policy, signals: { ...policy.signals, SOMETHING_NEW: { weight: 0.9 } } });
    expect(v.narrative.text).toContain('X@example.test did something new.'.replace('X', 'X'));
  });
});

describe('the fact checker', () => {
  const v = verdictOf(COMBINATIONS['lookalike supplier asking for payment']!, policy, { asks: ['attachment', 'payment'] });

  it('accepts the generated narrative', () => {
    expect(unsupportedFacts(v.narrative.text, v)).toEqual([]);
  });

  it.each([
    ['a number', (t: string) => `${t} It came 17 minutes after midnight.`, '17'],
    ['a changed number', (t: string) => t.replace('149 days', '150 days'), '150'],
    ['an address', (t: string) => `${t} It copies boss@corvid-labs.example.`, 'boss@corvid-labs.example'],
    ['a domain', (t: string) => `${t} It links to evil-payments.test.`, 'evil-payments.test'],
    ['a date', (t: string) => `${t} It was first seen on 3 March 2024.`, '3 March 2024'],
    ['a quoted phrase', (t: string) => `${t} It says “wire it today”.`, '“wire it today”'],
    ['a list count', (t: string) => `${t} It went to Ann, Bob and 7 others.`, 'and 7 others'],
  ])('catches an injected fact: %s', (_name, inject, expected) => {
    expect(unsupportedFacts(inject(v.narrative.text), v)).toContain(expected);
  });
});
