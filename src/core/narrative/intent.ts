import type { Signal } from '../signal.js';
import type { Verdict } from '../verdict.js';
import { strs } from './evidence.js';
import { quote } from './grammar.js';
import { finish, linked, plain, type Sentence, type Span } from './span.js';

/** What the sender seems to want, most harmful first. */
export type Intent = 'extortion' | 'bank_change' | 'gift_card' | 'credentials' | 'attachment' | 'callback' | 'payment' | 'reply' | 'pressure' | 'marketing';

type NarratedVerdict = Pick<Verdict, 'signals' | 'threat'>;

const DANGEROUS_ATTACHMENT = ['ATTACHMENT_EXECUTABLE', 'ATTACHMENT_MACRO', 'ATTACHMENT_HTML', 'ATTACHMENT_TYPE_MISMATCH', 'ATTACHMENT_ENCRYPTED_ARCHIVE'];

function signal(verdict: NarratedVerdict, id: string): Signal | undefined {
  return verdict.signals.find((s) => s.id === id);
}

/** The first phrase quoted in a threat clause (`asks for a reply: "are you at your desk"`). */
function threatPhrase(verdict: NarratedVerdict, ask: keyof Verdict['threat']['evidence']): string | null {
  const m = /"([^"]+)"/.exec(verdict.threat.evidence[ask] ?? '');
  return m?.[1] ?? null;
}

/** Content signals and asks → the one intent to state (none when the content shows none). */
export function intentOf(verdict: NarratedVerdict): Intent | null {
  const asks = new Set(verdict.threat.asks);
  const has = (id: string) => signal(verdict, id) !== undefined;
  if (has('EXTORTION')) return 'extortion';
  if (has('BANK_DETAILS_CHANGE_REQUEST') || has('BANK_DETAILS_CHANGED') || asks.has('bank_details_change')) return 'bank_change';
  if (has('GIFT_CARD_REQUEST') || asks.has('gift_card')) return 'gift_card';
  if (has('CREDENTIAL_REQUEST') || has('LOGIN_LURE') || asks.has('credentials')) return 'credentials';
  if (DANGEROUS_ATTACHMENT.some(has)) return 'attachment';
  if (has('CALLBACK_NUMBER') || asks.has('callback')) return 'callback';
  if (has('PAYMENT_REQUEST') || has('INVOICE') || has('BANK_DETAILS_NEW_SENDER')) return 'payment';
  if (asks.has('reply')) return 'reply';
  if (has('URGENCY_SECRECY')) return 'pressure';
  if (has('UNSOLICITED_BULK')) return 'marketing';
  return null;
}

/** Short form for the headline. */
export const INTENT_SHORT: Readonly<Record<Intent, string>> = {
  extortion: 'making threats for money',
  bank_change: 'asking to change bank details',
  gift_card: 'asking for gift cards',
  credentials: 'after a password',
  attachment: 'pushing a dangerous attachment',
  callback: 'asking for a phone call',
  payment: 'asking for a payment',
  reply: 'asking for a reply',
  pressure: 'pressing for speed or secrecy',
  marketing: 'sending unsolicited marketing',
};

function quoted(phrase: string | null | undefined): Span[] {
  return phrase ? [plain(' ('), linked(quote([phrase]), 'content', phrase), plain(')')] : [];
}

/** The intent in one sentence, with urgency or secrecy added when the words press for it. */
export function intentSentence(verdict: NarratedVerdict): Sentence | null {
  const intent = intentOf(verdict);
  if (!intent) return null;
  const phrase = (id: string) => strs(signal(verdict, id), 'phrases')[0];
  const main: Span[] = (() => {
    switch (intent) {
      case 'extortion':
        return [plain('the sender threatens you and demands money, a common blackmail scam'), ...quoted(phrase('EXTORTION'))];
      case 'marketing':
        return [plain('the sender is sending marketing mail that nobody here asked for')];
      case 'bank_change':
        return [plain('the sender wants your payments sent to a different bank account'), ...quoted(phrase('BANK_DETAILS_CHANGE_REQUEST'))];
      case 'gift_card':
        return [plain('the sender wants you to buy gift cards, which is how scammers take money that cannot be traced')];
      case 'credentials':
        return [plain('the sender wants you to sign in through its link, so it can steal your password'), ...quoted(phrase('CREDENTIAL_REQUEST'))];
      case 'attachment':
        return [plain('the sender wants you to open the attachment, which could take over your computer')];
      case 'callback':
        return [plain('the sender wants you to phone them, where a scammer would ask for money or access'), ...quoted(phrase('CALLBACK_NUMBER'))];
      case 'payment':
        return [plain('the sender wants a payment'), ...quoted(phrase('PAYMENT_REQUEST') ?? phrase('INVOICE'))];
      case 'reply':
        return [plain('the sender wants a quick reply'), ...quoted(threatPhrase(verdict, 'reply'))];
      case 'pressure':
        return [];
    }
  })();
  const pressure = signal(verdict, 'URGENCY_SECRECY');
  const secret = strs(pressure, 'secrecy')[0];
  const urgent = strs(pressure, 'urgency')[0];
  const push: Span[] = secret
    ? [plain('asks you to keep it secret'), ...quoted(secret)]
    : urgent
      ? [plain('pushes you to act fast'), ...quoted(urgent)]
      : [];
  if (main.length === 0) return push.length > 0 ? finish([plain('the sender '), ...push]) : null;
  return finish(push.length > 0 && intent !== 'callback' ? [...main, plain(', and '), ...push] : main);
}
