import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy-file.js';
import { planActions } from './plan.js';
import type { Signal } from './signal.js';
import type { Ask } from './threat.js';

const policy = loadPolicy();

function signal(id: string, strength = 1): Signal {
  return { id, strength, evidence: {}, summary: id };
}

function plan(options: { signals: string[]; asks: Ask[]; score: number; links?: boolean; attachments?: boolean }) {
  const structural: Ask[] = [...(options.links ? ['link' as const] : []), ...(options.attachments ? ['attachment' as const] : [])];
  return planActions({ score: options.score, signals: options.signals.map((id) => signal(id)), threat: { asks: [...new Set([...structural, ...options.asks])], evidence: {} } }, policy);
}

describe('planActions (least aggressive per area, rules from the policy ladders)', () => {
  it('an ordinary email from a known sender: deliver, nothing changed, every stronger rung recorded as not taken', () => {
    const p = plan({ signals: [], asks: ['link'], score: 5, links: true });
    expect(p).toMatchObject({ delivery: 'deliver', links: 'none', attachments: 'none' });
    expect(p.notTaken.filter((n) => n.area === 'delivery').map((n) => n.action)).toEqual(['banner', 'junk', 'hold']);
    expect(p.notTaken.find((n) => n.action === 'hold')?.reason).toMatch(/does not ask for payment/u);
  });

  it('a suspicious link in an otherwise ordinary email locks the link and does not hold', () => {
    const p = plan({ signals: ['LINK_TEXT_MISMATCH'], asks: ['link'], score: 50, links: true });
    expect(p.links).toBe('lock');
    expect(p.delivery).not.toBe('hold');
    expect(p.why).toContainEqual(expect.objectContaining({ area: 'links', action: 'lock' }));
  });

  it('a credential lure double-locks its links', () => {
    const p = plan({ signals: ['LOGIN_LURE'], asks: ['link'], score: 60, links: true });
    expect(p.links).toBe('double_lock');
  });

  it('a risky attachment is converted (a rendition), an executable stripped, and neither holds', () => {
    const html = plan({ signals: ['ATTACHMENT_HTML'], asks: ['attachment'], score: 40, attachments: true });
    expect(html).toMatchObject({ attachments: 'convert' });
    expect(html.delivery).not.toBe('hold');
    const exe = plan({ signals: ['ATTACHMENT_EXECUTABLE'], asks: ['attachment'], score: 75, attachments: true });
    expect(exe.attachments).toBe('strip');
    expect(exe.delivery).not.toBe('hold');
  });

  it('an impersonated executive asking for a payment is held: the request itself is the threat', () => {
    const p = plan({ signals: ['DISPLAY_NAME_IMPERSONATION', 'PAYMENT_REQUEST'], asks: ['payment'], score: 70 });
    expect(p.delivery).toBe('hold');
    expect(p.why?.find((w) => w.area === 'delivery')?.reason).toMatch(/request itself/u);
  });

  it('a lookalike or spoof asking for bank details, credentials or gift cards is held', () => {
    for (const [sig, ask] of [['LOOKALIKE_DOMAIN', 'bank_details_change'], ['AUTH_FAIL_KNOWN_DOMAIN', 'credentials'], ['LOOKALIKE_OWN_DOMAIN', 'gift_card']] as const) {
      expect(plan({ signals: [sig], asks: [ask], score: 60 }).delivery).toBe('hold');
    }
  });

  it('the same lookalike sending only a link is not held: the link is locked instead', () => {
    const p = plan({ signals: ['LOOKALIKE_DOMAIN'], asks: ['link'], score: 80, links: true });
    expect(p.delivery).not.toBe('hold');
    expect(['double_lock', 'remove']).toContain(p.links);
  });

  it('a first contact with nothing risky is at most a banner', () => {
    const p = plan({ signals: ['FIRST_CONTACT_ORG', 'NEW_SENDER_DOMAIN', 'FIRST_CONTACT_RECIPIENT', 'UNUSUAL_HOUR'], asks: [], score: 75 });
    expect(p.delivery).toBe('banner');
  });

  it('a first contact asking for a payment gets a banner, not a hold', () => {
    const p = plan({ signals: ['FIRST_CONTACT_ORG', 'PAYMENT_REQUEST'], asks: ['payment'], score: 40 });
    expect(p.delivery).toBe('banner');
  });

  it('a very anomalous email with a concrete warning sign is junked', () => {
    expect(plan({ signals: ['VOLUME_SPIKE', 'NEW_INFRASTRUCTURE'], asks: [], score: 72 }).delivery).toBe('junk');
  });

  it('no links or attachments: those areas stay at none and are not reported', () => {
    const p = plan({ signals: [], asks: [], score: 99 });
    expect(p).toMatchObject({ links: 'none', attachments: 'none' });
    expect(p.notTaken.some((n) => n.area !== 'delivery')).toBe(false);
  });

  it('the subject tag comes from the policy, only for the listed deliveries', () => {
    const tagged = { ...policy, headers: { subjectTag: { text: '[Suspicious]', onDelivery: ['banner', 'junk'] as const } } };
    const input = { score: 55, signals: [], threat: { asks: [], evidence: {} } };
    expect(planActions(input, tagged).subjectTag).toBe('[Suspicious]');
    expect(planActions({ ...input, score: 5 }, tagged).subjectTag).toBeNull();
  });
});
