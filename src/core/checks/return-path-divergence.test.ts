import { describe, expect, it } from 'vitest';
import { address, buildMessage, type MessageSpec } from '../../../test/helpers/message-builder.js';
import { MemoryModel } from '../../../test/helpers/memory-model.js';
import { loadPolicy } from '../../config/policy-file.js';
import { DAY_MS } from '../profile.js';

const org = { domains: ['example.org'] };
const t0 = Date.UTC(2024, 0, 1);

function withReturnPath(spec: MessageSpec, returnPath: string) {
  return { ...buildMessage(spec), returnPath: address(returnPath) };
}

function trained(): MemoryModel {
  const model = new MemoryModel(org, loadPolicy());
  for (let day = 0; day < 30; day += 1) {
    // A vendor whose mail always bounces through its own domain, and a newsletter that always uses its mailing service.
    model.learnMessage(withReturnPath({ from: 'vera@vendor.com', to: ['alice@example.org'], date: t0 + day * DAY_MS }, 'bounce@vendor.com'));
    model.learnMessage(withReturnPath({ from: 'news@brand.com', to: ['alice@example.org'], date: t0 + day * DAY_MS + 1 }, 'b-123@mailer-service.net'));
  }
  return model;
}

const later = t0 + 40 * DAY_MS;
const fired = (model: MemoryModel, from: string, returnPath: string) =>
  model.score(withReturnPath({ from, to: ['alice@example.org'], date: later }, returnPath), later).signals.find((s) => s.id === 'RETURN_PATH_DIVERGENCE');

describe('RETURN_PATH_DIVERGENCE', () => {
  it('fires when a known sender suddenly bounces through a domain it never used', () => {
    const signal = fired(trained(), 'vera@vendor.com', 'x@mass-sender.example');
    expect(signal).toMatchObject({ evidence: { returnPathDomain: 'mass-sender.example', messagesWithReturnPath: 30, usualReturnPathDomains: 1 } });
    expect(signal?.strength).toBeGreaterThan(0.8);
  });

  it('stays silent for a sender that always bounces through its mailing service', () => {
    expect(fired(trained(), 'news@brand.com', 'b-999@mailer-service.net')).toBeUndefined();
  });

  it('stays silent without history to diverge from', () => {
    expect(fired(trained(), 'someone@new.example', 'x@elsewhere.example')).toBeUndefined();
  });
});
