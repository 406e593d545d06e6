import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

describe('DORMANT_SENDER', () => {
  it('fires when an established correspondent returns after most of a year of silence', () => {
    const m = newModel();
    for (let week = 0; week < 12; week += 1) m.learnMessage(buildMessage({ from: 'old@vendor.com', to: ['alice@example.org'], date: at(week * 7) }));
    const when = at(77 + 300);
    const s = signal(m.score(buildMessage({ from: 'old@vendor.com', to: ['alice@example.org'], date: when }), when).signals, 'DORMANT_SENDER');
    expect(s?.evidence).toMatchObject({ silentDays: 300, messagesBefore: 12, historySpanDays: 77 });
  });

  it('stays silent for a regular correspondent and for a one-off sender who comes back', () => {
    const m = newModel();
    for (let week = 0; week < 60; week += 1) m.learnMessage(buildMessage({ from: 'regular@vendor.com', to: ['alice@example.org'], date: at(week * 7) }));
    m.learnMessage(buildMessage({ from: 'once@vendor.com', to: ['alice@example.org'], date: at(0) }));
    m.learnMessage(buildMessage({ from: 'once@vendor.com', to: ['alice@example.org'], date: at(40) }));
    const when = at(60 * 7);
    expect(signal(m.score(buildMessage({ from: 'regular@vendor.com', to: ['alice@example.org'], date: when }), when).signals, 'DORMANT_SENDER')).toBeUndefined();
    expect(signal(m.score(buildMessage({ from: 'once@vendor.com', to: ['alice@example.org'], date: when }), when).signals, 'DORMANT_SENDER')).toBeUndefined();
  });
});
