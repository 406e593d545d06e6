import { describe, expect, it } from 'vitest';
import { buildMessage, type MessageSpec } from '../../../test/helpers/message-builder.js';
import { MemoryModel } from '../../../test/helpers/memory-model.js';
import { loadPolicy } from '../../config/policy-file.js';
import { DAY_MS } from '../profile.js';

const org = { domains: ['example.org'] };
const t0 = Date.UTC(2024, 0, 1);
const later = t0 + 60 * DAY_MS;
const BULK = [{ name: 'list-unsubscribe', value: '<mailto:unsub@deals.example>' }];

function trained(): MemoryModel {
  const model = new MemoryModel(org, loadPolicy());
  for (let day = 0; day < 50; day += 1) {
    const at = t0 + day * DAY_MS;
    model.learnMessage({ ...buildMessage({ from: 'news@weekly.example', to: ['alice@example.org'], date: at }), headers: BULK });
    model.learnMessage(buildMessage({ from: 'pat@partner.example', to: ['alice@example.org'], date: at + 1 }));
    model.learnMessage(buildMessage({ from: 'alice@example.org', to: ['sales@vendor.example'], date: at + 2 }));
  }
  return model;
}

const signal = (model: MemoryModel, spec: MessageSpec, id: string, headers: Array<{ name: string; value: string }> = []) =>
  model.score({ ...buildMessage({ to: ['alice@example.org'], date: later, ...spec }), headers }, later).signals.find((s) => s.id === id);

const SEXTORTION = 'I have access to your device and recorded you through your webcam. Send 1500 USD to my bitcoin wallet within 48 hours or I will send the video to all your contacts.';

describe('EXTORTION', () => {
  it('fires on a blackmail demand from a stranger, and tags it', () => {
    const model = trained();
    const s = signal(model, { from: 'xk2@anon.example', subject: 'I know your secret', text: SEXTORTION }, 'EXTORTION');
    expect(s?.strength).toBeGreaterThan(0.8);
    expect((s?.evidence.phrases as string[]).length).toBeGreaterThan(0);
    expect(model.score(buildMessage({ from: 'xk2@anon.example', to: ['alice@example.org'], text: SEXTORTION, date: later }), later).tags).toContain('Extortion');
  });

  it('stays strong from a familiar (hijacked) sender', () => {
    expect(signal(trained(), { from: 'pat@partner.example', text: SEXTORTION }, 'EXTORTION')?.strength).toBeGreaterThanOrEqual(0.55);
  });

  it('stays silent on ordinary talk about bitcoin or webcams', () => {
    expect(signal(trained(), { from: 'pat@partner.example', text: 'The bitcoin price fell again; also my webcam driver needs an update.' }, 'EXTORTION')).toBeUndefined();
  });
});

describe('UNSOLICITED_BULK', () => {
  it('fires on bulk mail from a sender nobody here has corresponded with', () => {
    expect(signal(trained(), { from: 'offers@deals.example' }, 'UNSOLICITED_BULK', BULK)?.evidence).toMatchObject({ listUnsubscribe: true });
  });

  it('stays silent on a newsletter with history, a solicited vendor, list traffic and one-to-one mail', () => {
    const model = trained();
    expect(signal(model, { from: 'news@weekly.example' }, 'UNSOLICITED_BULK', BULK)).toBeUndefined();
    expect(signal(model, { from: 'promo@vendor.example' }, 'UNSOLICITED_BULK', BULK)).toBeUndefined();
    expect(signal(model, { from: 'dev@project.example', listId: '<dev.project.example>' }, 'UNSOLICITED_BULK', BULK)).toBeUndefined();
    expect(signal(model, { from: 'someone@new.example' }, 'UNSOLICITED_BULK')).toBeUndefined();
  });
});
