import type { Verdict } from '../../core/verdict.js';
import type { StoredVerdict } from '../../store/store.js';

/** A stored verdict for API tests: plain inbound mail unless `extra` says otherwise. */
export function verdictAt(id: string, at: number, extra: Partial<Verdict> & { delivery?: Verdict['actions']['delivery']; links?: Verdict['actions']['links'] } = {}): StoredVerdict {
  const { delivery = 'deliver', links = 'none', ...fields } = extra;
  return {
    origin: null,
    verdict: {
      id,
      digest: `sha256:${id}`,
      messageId: `<${id}@test.example>`,
      analysedAt: at,
      direction: 'inbound',
      from: 'alice@vendor.example',
      recipients: ['bob@example.org'],
      subject: `Subject ${id}`,
      score: 10,
      tags: [],
      signals: [],
      threat: { asks: [], evidence: {} },
      actions: { delivery, links, attachments: 'none', notTaken: [] },
      reason: 'nothing unusual',
      defects: [],
      narrative: { headline: `Headline ${id}`, sentences: [], text: '' },
      ...fields,
    } as Verdict,
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The small organisation the insight tests share (org example.org; `executives` = ceo, cfo):
 * five messages in the last three days and one older, with counts worked out by hand in the tests.
 *  - v1 today: alice@vendor.example → bob, score 10, delivered
 *  - v2 today: mallory@evil.example → ceo + cfo, score 88, Impersonation + Payment Request, held, links locked
 *  - v3 yesterday: mallory → ceo, score 70, Impersonation, junk
 *  - v4 two days ago: alice → cfo + bob, score 55, First Contact, banner
 *  - v5 two days ago: bob → carol@vendor.example (outbound), score 5
 *  - v6 ten days ago: mallory → ceo, score 90, held (outside a 7-day window)
 */
export function insightVerdicts(now: number): StoredVerdict[] {
  return [
    verdictAt('v1', now - HOUR),
    verdictAt('v2', now - 2 * HOUR, { from: 'mallory@evil.example', recipients: ['ceo@example.org', 'cfo@example.org'], score: 88, tags: ['Impersonation', 'Payment Request'], delivery: 'hold', links: 'lock' }),
    verdictAt('v3', now - DAY, { from: 'mallory@evil.example', recipients: ['ceo@example.org'], score: 70, tags: ['Impersonation'], delivery: 'junk' }),
    verdictAt('v4', now - 2 * DAY, { recipients: ['cfo@example.org', 'bob@example.org'], score: 55, tags: ['First Contact'], delivery: 'banner' }),
    verdictAt('v5', now - 2 * DAY - HOUR, { direction: 'outbound', from: 'bob@example.org', recipients: ['carol@vendor.example'], score: 5 }),
    verdictAt('v6', now - 10 * DAY, { from: 'mallory@evil.example', recipients: ['ceo@example.org'], score: 90, tags: ['Impersonation'], delivery: 'hold' }),
  ];
}
