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

describe('VOLUME_SPIKE in a thread', () => {
  it('stays silent for a patch series replying to its own cover letter, seen here', () => {
    const m = newModel();
    for (let day = 0; day < 20; day += 1) m.learnMessage(buildMessage({ from: 'dev@vendor.com', to: ['alice@example.org'], date: at(day) }));
    m.learnMessage(buildMessage({ from: 'dev@vendor.com', to: ['alice@example.org'], subject: '[PATCH 0/12] cover', messageId: '<cover@vendor.com>', date: at(20, 9) }));
    const reply = { inReplyTo: '<cover@vendor.com>', references: ['<cover@vendor.com>'] };
    for (let i = 1; i < 12; i += 1) m.learnMessage(buildMessage({ from: 'dev@vendor.com', to: ['alice@example.org'], subject: `[PATCH ${i}/12]`, thread: reply, date: at(20, 9, i) }));
    const when = at(20, 9, 12);
    expect(signal(m.score(buildMessage({ from: 'dev@vendor.com', to: ['alice@example.org'], subject: '[PATCH 12/12]', thread: reply, date: when }), when).signals, 'VOLUME_SPIKE')).toBeUndefined();
  });
});
