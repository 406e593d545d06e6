import type { Policy } from '../policy.js';
import { contribution } from '../score.js';
import type { Verdict } from '../verdict.js';
import { acted, actionSentences } from './action.js';
import { chooseFacts, factsOf, type Fact } from './facts.js';
import { headlineOf } from './headline.js';
import { intentOf, intentSentence } from './intent.js';
import { REALISERS } from './realise/index.js';
import { finish, linked, plain, sentenceText, type Narrative, type Sentence } from './span.js';
import { str, strs } from './evidence.js';

const MAX_SENTENCES = 6;
const MAX_FACTS = 4;

/** Everything the narrative reads: the verdict as analyse builds it, before the narrative itself. */
export type NarratedVerdict = Omit<Verdict, 'narrative'>;

function assemble(headline: string, sentences: readonly Sentence[]): Narrative {
  const kept = sentences.filter((s) => s.length > 0);
  return { headline, sentences: kept, text: kept.map(sentenceText).join(' ') };
}

/** One line for mail belong neither tagged nor acted on: its strongest fact, or why it is familiar. */
function quietReason(verdict: NarratedVerdict, policy: Policy): Sentence {
  for (const fact of chooseFacts(factsOf(verdict as Verdict, policy), 1)) {
    const sentence = REALISERS[fact.kind](fact, verdict as Verdict);
    if (sentence) return sentence;
  }
  const solicited = verdict.signals.find((s) => s.id === 'SOLICITED' && contribution(s, policy) < 0);
  const sender = str(solicited, 'sender');
  if (sender) return finish([plain('people here have written to '), linked(sender, 'relationship', sender), plain(' before')]);
  return finish([plain('nothing unusual for this sender and recipient')]);
}

/** An out-of-character sender's broken habits already tell of its new servers: one sentence, not two... */
function withoutRepeats(facts: readonly Fact[]): Fact[] {
  const ooc = facts.find((f) => f.kind === 'outOfCharacter');
  const told = ooc ? strs(ooc.signals[0], 'brokenHabits') : [];
  // ...and of how long the sender has written here, which is all a first-contact-with-this-recipient sentence would add.
  const onlyRecipient = (f: Fact) => f.kind === 'sender' && f.signals.every((s) => s.id === 'FIRST_CONTACT_RECIPIENT' || s.id === 'SOLICITED');
  return facts.filter((f) => !(f.kind === 'infrastructure' && told.includes('infrastructure')) && !(ooc && onlyRecipient(f)));
}

/**
 * The sentence planner: choose the 2–4 facts that matter most (policy contribution × priority
 * of their kind), realise each as one sentence in narrative order (who → what is unusual), then
 * what the sender wants, then what belong did and why no stronger step. Pure and deterministic.
 */
export function narrate(verdict: NarratedVerdict, policy: Policy): Narrative {
  const full = verdict as Verdict;
  if (verdict.tags.length === 0 && !acted(verdict.actions)) {
    const reason = quietReason(verdict, policy);
    return assemble(sentenceText(reason), [reason]);
  }
  const intent = intentSentence(verdict);
  const action = actionSentences(verdict.actions, intent !== null);
  // At most 6 sentences in all: the facts get what intent and action leave, 2 to 4 of them.
  const room = Math.max(2, Math.min(MAX_FACTS, MAX_SENTENCES - action.length - (intent ? 1 : 0)));
  const sentences: Sentence[] = [];
  for (const fact of chooseFacts(withoutRepeats(factsOf(full, policy)), room)) {
    const sentence = REALISERS[fact.kind](fact, full);
    if (sentence) sentences.push(sentence);
  }
  if (intent) sentences.push(intent);
  sentences.push(...action);
  return assemble(headlineOf(verdict, intentOf(verdict), policy), sentences);
}
