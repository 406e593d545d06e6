/**
 * A narrative is a list of sentences; each sentence a list of spans. A span that states a fact
 * carries a reference to the data behind it (the sender's profile, the lookalike pair, a link...),
 * so a UI can turn the phrase into a jump-off point. Plain text is the concatenation.
 */
export type RefKind =
  | 'sender'
  | 'recipient'
  | 'domain'
  | 'lookalike'
  | 'link'
  | 'attachment'
  | 'relationship'
  | 'thread'
  | 'infrastructure'
  | 'related'
  | 'bank'
  | 'content'
  | 'action';

export interface Ref {
  readonly kind: RefKind;
  /** What to look up: an address, a domain, a pair "a~b", a filename, an action area. */
  readonly id: string;
}

export interface Span {
  readonly text: string;
  readonly ref?: Ref;
}

export type Sentence = readonly Span[];

export interface Narrative {
  /** One line for lists and notifications. */
  readonly headline: string;
  readonly sentences: readonly Sentence[];
  /** The sentences as plain text, joined by spaces. */
  readonly text: string;
}

export function plain(text: string): Span {
  return { text };
}

export function linked(text: string, kind: RefKind, id: string): Span {
  return { text, ref: { kind, id } };
}

export function sentenceText(sentence: Sentence): string {
  return sentence.map((s) => s.text).join('');
}

/** Capitalises the first letter and ends with a full stop: every realiser's sentence goes through here. */
export function finish(parts: readonly Span[]): Sentence {
  const spans = parts.filter((s) => s.text.length > 0);
  if (spans.length === 0) return [];
  const first = spans[0]!;
  // A name (an address, a domain) keeps its own case even at the start of a sentence.
  const head = first.ref ? first : { ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) };
  const last = spans.length === 1 ? head : spans[spans.length - 1]!;
  const ends = /[.!?]$/.test(last.text) ? [] : [plain('.')];
  return [head, ...spans.slice(1), ...ends];
}
