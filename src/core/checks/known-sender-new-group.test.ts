import { describe, expect, it } from 'vitest';
import { at, exampleOrg, newModel, signal } from '../../../test/helpers/learned-org.js';
import { buildMessage } from '../../../test/helpers/message-builder.js';
import type { Org } from '../org.js';

/**
 * Sales (alice, bob, erin) and finance (carol, dave) correspond internally; vera@vendor.com
 * writes to alice and bob.
 */
function model(org: Org = exampleOrg) {
  const m = newModel(org);
  for (let day = 0; day < 30; day += 1) {
    m.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org', 'bob@example.org'], date: at(day) }));
    m.learnMessage(buildMessage({ from: 'alice@example.org', to: ['erin@example.org'], date: at(day, 11) }));
    m.learnMessage(buildMessage({ from: 'carol@example.org', to: ['dave@example.org'], date: at(day, 12) }));
  }
  return m;
}

describe('KNOWN_SENDER_NEW_GROUP', () => {
  it("fires when a known vendor writes into a circle it never corresponded with (finance)", () => {
    const when = at(31);
    const s = signal(model().score(buildMessage({ from: 'vera@vendor.com', to: ['dave@example.org'], date: when }), when).signals, 'KNOWN_SENDER_NEW_GROUP');
    expect(s?.evidence).toMatchObject({ recipientsOutsideCircle: ['dave@example.org'], senderPeopleWrittenTo: 2, recipientGroupSize: 1 });
  });

  it("stays silent when the new recipient is in the sender's usual circle (erin works with alice)", () => {
    const when = at(31);
    expect(signal(model().score(buildMessage({ from: 'vera@vendor.com', to: ['erin@example.org'], date: when }), when).signals, 'KNOWN_SENDER_NEW_GROUP')).toBeUndefined();
  });

  it('uses configured named groups: dave is in a group with bob, so vera writing to dave is within reach', () => {
    const org: Org = { domains: ['example.org'], groups: { 'deal-team': ['bob@example.org', 'dave@example.org'] } };
    const when = at(31);
    expect(signal(model(org).score(buildMessage({ from: 'vera@vendor.com', to: ['dave@example.org'], date: when }), when).signals, 'KNOWN_SENDER_NEW_GROUP')).toBeUndefined();
  });
});
