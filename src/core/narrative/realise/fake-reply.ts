import { str } from '../evidence.js';
import { finish, linked, plain } from '../span.js';
import { signalOf, type Realiser } from './realiser.js';

const CLAIMS: Readonly<Record<string, string>> = { reply: 'a reply', forward: 'a forwarded email', quoted: 'part of a conversation' };

/** A "Re:" or "Fwd:" with no conversation behind it. */
export const realiseFakeReply: Realiser = (fact) => {
  const signal = signalOf(fact, 'FAKE_REPLY');
  if (!signal) return null;
  const claim = CLAIMS[str(signal, 'claim') ?? ''] ?? 'a reply';
  return finish([plain(`it poses as ${claim}, but `), linked('no earlier email like it', 'thread', str(signal, 'subject') ?? ''), plain(' was ever seen here')]);
};
