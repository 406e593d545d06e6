import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDigest } from '../src/cli/digest-mail.js';
import { digestOf } from '../src/core/narrative/digest.js';
import type { Verdict } from '../src/core/verdict.js';
import { buildMessage, authWith } from './helpers/message-builder.js';
import { MemoryModel } from './helpers/memory-model.js';
import { loadPolicy } from '../src/config/policy-file.js';
import { Mailbox } from './gateway/harness.js';
import { parseMessage } from '../src/mail/parse.js';

const mailbox = new Mailbox();
beforeAll(async () => {
  await mailbox.start();
});
afterAll(async () => {
  await mailbox.stop();
});

describe('emailed digest', () => {
  it('delivers the period digest as a plain-text report to the security team', async () => {
    const model = new MemoryModel({ domains: ['example.org'] }, loadPolicy());
    const t0 = Date.UTC(2024, 0, 1);
    for (let day = 0; day < 30; day += 1) model.learnMessage(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: t0 + day * 86_400_000, auth: authWith('pass', 'vendor.com') }));
    const at = t0 + 31 * 86_400_000;
    const verdicts: Verdict[] = [
      model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at, auth: authWith('fail', 'vendor.com'), subject: 'new bank details' }), at),
      model.score(buildMessage({ from: 'vera@vendor.com', to: ['alice@example.org'], date: at + 1000 }), at + 1000),
    ];
    const digest = digestOf(verdicts, 'day', at + 2000);
    await mailDigest(digest, { to: ['soc@example.org'], from: 'belong@example.org', smtp: `127.0.0.1:${mailbox.port}` });
    expect(mailbox.delivered).toHaveLength(1);
    expect(mailbox.delivered[0]!.to).toEqual(['soc@example.org']);
    const delivered = await parseMessage(mailbox.delivered[0]!.raw);
    expect(delivered.subject).toBe('belong daily digest 2024-01-31 – 2024-02-01: 1 of 2 emails needed action');
    expect(delivered.text).toContain(digest.sentences[0]!);
  });

  it('refuses a malformed --smtp with a clear error', async () => {
    await expect(mailDigest(digestOf([], 'day', 0), { to: ['soc@example.org'], from: 'b@example.org', smtp: 'nohost' })).rejects.toThrow(/--smtp must be host:port/);
  });
});
