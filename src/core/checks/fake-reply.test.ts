import { describe, expect, it } from 'vitest';
import { at, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';

/** Two months of ordinary mail; alice starts a thread with partner.net (Message-ID <thread-root@example.org>). */
function model() {
  const m = newModel();
  for (let day = 0; day < 60; day += 1) m.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at(day) }));
  m.learnMessage(buildMessage({ from: 'alice@example.org', to: ['pat@partner.net'], subject: 'Project plan', messageId: '<thread-root@example.org>', date: at(60) }));
  return m;
}

describe('FAKE_REPLY', () => {
  it('fires on a "Re:" from a stranger that continues no thread seen here', () => {
    const when = at(61);
    const verdict = model().score(buildMessage({ from: 'ceo@lookalike.example', to: ['alice@example.org'], subject: 'RE: Outstanding invoice', date: when }), when);
    const s = signal(verdict.signals, 'FAKE_REPLY');
    expect(s?.evidence).toMatchObject({ claim: 'reply', threadHeaders: false, referencesChecked: 0 });
    expect(s?.strength).toBeGreaterThan(0.5);
    expect(verdict.tags).toContain('Fake Reply');
  });

  it('fires on forged thread headers and on a quoted Outlook header block (German "AW:" too)', () => {
    const m = model();
    const when = at(61);
    const forged = m.score(
      buildMessage({ from: 'x@evil.example', to: ['alice@example.org'], subject: 'AW: Zahlung', thread: { inReplyTo: '<never-seen@evil.example>', references: ['<never-seen@evil.example>'] }, date: when }),
      when,
    );
    expect(signal(forged.signals, 'FAKE_REPLY')?.evidence).toMatchObject({ threadHeaders: true, referencesChecked: 1 });
    const quoted = m.score(
      buildMessage({ from: 'x@evil.example', to: ['alice@example.org'], subject: 'Payment', text: 'Please see below.\n\nFrom: Alice <alice@example.org>\nSent: Monday, 4 March 2024 10:00\nTo: Finance\nSubject: Payment\n', date: when }),
      when,
    );
    expect(signal(quoted.signals, 'FAKE_REPLY')?.evidence).toMatchObject({ claim: 'quoted' });
  });

  it('stays silent for a real reply in a known thread, even from a colleague of the partner new to alice', () => {
    const when = at(61);
    const verdict = model().score(
      buildMessage({ from: 'sam@partner.net', to: ['alice@example.org'], subject: 'Re: Project plan', thread: { inReplyTo: '<thread-root@example.org>', references: ['<thread-root@example.org>'] }, date: when }),
      when,
    );
    expect(signal(verdict.signals, 'FAKE_REPLY')).toBeUndefined();
  });

  it('stays silent for a reply from someone the recipient corresponds with, and for mailing-list traffic', () => {
    const m = model();
    const when = at(61);
    expect(signal(m.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], subject: 'Re: lunch', date: when }), when).signals, 'FAKE_REPLY')).toBeUndefined();
    expect(signal(m.score(buildMessage({ from: 'dev@oss.example', to: ['alice@example.org'], subject: 'Re: [PATCH] fix', listId: 'dev.lists.oss.example', date: when }), when).signals, 'FAKE_REPLY')).toBeUndefined();
  });
});
