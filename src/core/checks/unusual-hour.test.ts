import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

/** dan writes in office hours (09–16 UTC); nina always writes at night (01–03 UTC). */
function model() {
  const m = newModel();
  for (let day = 0; day < 40; day += 1) {
    m.learnMessage(buildMessage({ from: 'dan@vendor.com', to: ['alice@example.org'], date: at(day, 9 + (day % 8)) }));
    m.learnMessage(buildMessage({ from: 'nina@nightshift.net', to: ['bob@example.org'], date: at(day, 1 + (day % 3)) }));
  }
  return m;
}

describe('UNUSUAL_HOUR', () => {
  it('fires when an office-hours sender writes at 03:00 UTC, with their usual hours as evidence', () => {
    const when = at(41, 3, 12);
    const verdict = model().score(buildMessage({ from: 'dan@vendor.com', to: ['alice@example.org'], date: when }), when);
    const s = signal(verdict.signals, 'UNUSUAL_HOUR');
    expect(s?.evidence).toMatchObject({ hourUtc: 3, senderMessages: 40, senderMessagesNearHour: 0, basis: 'entity' });
    expect(s?.evidence.usualHoursUtc).toContain('9');
    expect(s?.strength).toBeGreaterThan(0.5);
  });

  it('stays silent for a sender who always writes at night', () => {
    const when = at(41, 2, 30);
    const verdict = model().score(buildMessage({ from: 'nina@nightshift.net', to: ['bob@example.org'], date: when }), when);
    expect(signal(verdict.signals, 'UNUSUAL_HOUR')).toBeUndefined();
  });

  it('stays silent in office hours and for a sender with too little history', () => {
    const m = model();
    const when = at(41, 10);
    expect(signal(m.score(buildMessage({ from: 'dan@vendor.com', to: ['alice@example.org'], date: when }), when).signals, 'UNUSUAL_HOUR')).toBeUndefined();
    const night = at(41, 3);
    expect(signal(m.score(buildMessage({ from: 'newbie@vendor.com', to: ['alice@example.org'], date: night }), night).signals, 'UNUSUAL_HOUR')).toBeUndefined();
  });

  it('judges hours in UTC from the epoch, whatever zone the Date header was written in', () => {
    // 22:00 at UTC-5 is 03:00 UTC: the parser already turned the header into epoch ms.
    const when = Date.UTC(2024, 1, 12, 3, 0);
    const verdict = model().score(buildMessage({ from: 'dan@vendor.com', to: ['alice@example.org'], date: when }), when);
    expect(signal(verdict.signals, 'UNUSUAL_HOUR')?.evidence.hourUtc).toBe(3);
  });
});
