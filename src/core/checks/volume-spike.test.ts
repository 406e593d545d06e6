import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

describe('VOLUME_SPIKE', () => {
  it("fires when a one-a-day sender's messages today, counted in the store, pass their baseline", () => {
    const m = newModel();
    for (let day = 0; day < 20; day += 1) m.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at(day) }));
    for (let i = 0; i < 11; i += 1) m.learnMessage(buildMessage({ from: 'vera@vendor.com', to: [`user${i}@example.org`], date: at(20, 9, i) }));
    const when = at(20, 10);
    const s = signal(m.score(buildMessage({ from: 'vera@vendor.com', to: ['zed@example.org'], date: when }), when).signals, 'VOLUME_SPIKE');
    expect(s?.evidence).toMatchObject({ day: '2024-01-21', messagesToday: 12, usualPerActiveDay: 1, activeDaysBefore: 20 });
  });

  it('stays silent for a sender whose usual day is that busy', () => {
    const m = newModel();
    for (let day = 0; day < 20; day += 1) for (let i = 0; i < 15; i += 1) m.learnMessage(buildMessage({ from: 'orders@shop.com', to: ['alice@example.org'], date: at(day, 8, i) }));
    for (let i = 0; i < 14; i += 1) m.learnMessage(buildMessage({ from: 'orders@shop.com', to: ['alice@example.org'], date: at(20, 8, i) }));
    const when = at(20, 9);
    expect(signal(m.score(buildMessage({ from: 'orders@shop.com', to: ['alice@example.org'], date: when }), when).signals, 'VOLUME_SPIKE')).toBeUndefined();
  });
});
