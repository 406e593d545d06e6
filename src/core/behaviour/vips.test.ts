import { describe, expect, it } from 'vitest';
import { at, newModel } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';
import type { Org } from '../org.js';
import { isVip, knownVips, namedGroupsOf, vipEvidence } from './vips.js';

const staff = Array.from({ length: 14 }, (_, i) => `staff${i}@example.org`);

/** Every colleague writes to the boss; the comms team writes to everyone each week; two peers write to each other. */
function model(org: Org = { domains: ['example.org'] }) {
  const m = newModel(org);
  for (let week = 0; week < 6; week += 1) {
    for (const person of staff) m.learnMessage(buildMessage({ from: person, to: ['boss@example.org'], date: at(week * 7) }));
    m.learnMessage(buildMessage({ from: 'comms@example.org', to: staff, date: at(week * 7, 12) }));
    m.learnMessage(buildMessage({ from: 'staff1@example.org', to: ['staff2@example.org'], date: at(week * 7, 13) }));
  }
  return m;
}

describe('learned VIPs', () => {
  it('learns who many colleagues write to and who writes to everyone, from bounded reads', () => {
    const m = model();
    const probe = buildMessage({ from: 'x@outside.example', to: ['boss@example.org', 'staff2@example.org'] });
    const view = m.view(probe);
    const org = m.org;
    expect(vipEvidence('boss@example.org', view, org)).toMatchObject({ vip: true, basis: 'learned', colleaguesWriting: 14 });
    expect(isVip('staff2@example.org', view, org)).toBe(false);
    expect(knownVips(view, org)).toEqual(['boss@example.org', 'comms@example.org']);
  });

  it('uses the configured list instead when there is one, and named groups', () => {
    const org: Org = { domains: ['example.org'], vips: ['ceo@example.org'], groups: { finance: ['cfo@example.org', 'ap@example.org'] } };
    const m = model(org);
    const view = m.view(buildMessage({ from: 'x@outside.example', to: ['boss@example.org'] }));
    expect(isVip('boss@example.org', view, org)).toBe(false);
    expect(isVip('CEO@example.org', view, org)).toBe(true);
    expect(namedGroupsOf('ap@example.org', org)).toEqual(['finance']);
  });
});
