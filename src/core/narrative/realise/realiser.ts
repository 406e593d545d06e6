import type { Signal } from '../../signal.js';
import type { Verdict } from '../../verdict.js';
import type { Fact } from '../facts.js';
import { linked, plain, type Sentence, type Span } from '../span.js';
import { str } from '../evidence.js';

/** One realiser per fact kind: the fact's signals (strongest first) → one sentence, or null when the evidence is too thin to say it. */
export type Realiser = (fact: Fact, verdict: Verdict) => Sentence | null;

export function signalOf(fact: Fact, id: string): Signal | undefined {
  return fact.signals.find((s) => s.id === id);
}

/** The sender as a linked phrase (to the sender's profile), from evidence first, the verdict's From second. */
export function senderSpan(signal: Signal | undefined, verdict: Verdict): Span {
  const sender = str(signal, 'sender') ?? verdict.from;
  return sender ? linked(sender, 'sender', sender) : plain('the sender');
}
