import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

const everyone = Array.from({ length: 12 }, (_, i) => `person${i}@example.org`);

describe('WIDE_DISTRIBUTION', () => {
  it('fires when a sender who writes to one person at a time writes to twelve of ours at once', () => {
    const m = newModel();
    for (let day = 0; day < 20; day += 1) m.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at(day) }));
    const when = at(21);
    const verdict = m.score(buildMessage({ from: 'vera@vendor.com', to: everyone, date: when }), when);
    expect(signal(verdict.signals, 'WIDE_DISTRIBUTION')?.evidence).toMatchObject({ recipientsHere: 12, usualWidest: '1', senderMessages: 20 });
    expect(verdict.tags).toContain('Wide Distribution');
  });

  it('stays silent for a monthly newsletter that always goes to everyone', () => {
    const m = newModel();
    for (let month = 0; month < 8; month += 1) m.learnMessage(buildMessage({ from: 'news@newsletter.com', to: everyone, date: at(month * 30) }));
    const when = at(8 * 30);
    expect(signal(m.score(buildMessage({ from: 'news@newsletter.com', to: everyone, date: when }), when).signals, 'WIDE_DISTRIBUTION')).toBeUndefined();
  });
});
