import type { Message } from '../message.js';

/**
 * What an email's words ask for, from subject + text (html already has a text rendition in
 * `message.text`). Keyword patterns, hand-written: this is *content knowledge* (the phrases
 * fraud uses in English, German, French and Spanish), kept small and in one place, and it says
 * only what the email asks — how unusual that is for this sender is the model's job.
 */
export type Intent = 'payment' | 'bank_change' | 'credentials' | 'urgency' | 'secrecy' | 'gift_card' | 'callback' | 'invoice' | 'reply' | 'extortion';

/** Characters of subject + text examined: phrases that matter sit near the top; the cost stays bounded. */
export const INTENT_SCAN_CHARS = 20_000;
/** Phrases quoted per intent in evidence. */
const MAX_PHRASES = 3;
/** Characters kept per quoted phrase. */
const MAX_PHRASE_CHARS = 60;

const PATTERNS: Readonly<Record<Exclude<Intent, 'callback'>, readonly RegExp[]>> = {
  payment: [
    /\b(?:wire|bank|swift|telegraphic) transfer\b/,
    /\b(?:make|process|send|arrange|approve|release|remit) (?:a |the |an urgent )?(?:payment|wire|transfer|remittance)s?\b/,
    /\bpayment (?:is )?(?:due|overdue|outstanding|pending|required)\b/,
    /\b(?:outstanding|overdue) (?:balance|amount|invoice)s?\b/,
    /\b(?:überweisung|zahlung (?:ist )?fällig|bitte (?:überweisen|zahlen))\b/,
    /\b(?:virement|paiement (?:urgent|en attente|dû)|effectuer un paiement)\b/,
    /\b(?:transferencia(?: bancaria)?|realizar (?:el|un) pago|pago pendiente)\b/,
  ],
  bank_change: [
    /\b(?:new|updated|changed?|different) (?:bank(?:ing)?|account|payment|remittance) (?:details|information|info|account)\b/,
    /\b(?:bank(?:ing)?|account|payment) (?:details|information) (?:have|has) (?:changed|been updated)\b/,
    /\b(?:update|change) (?:our|your|the) (?:bank(?:ing)?|payment|remittance) (?:details|account|information)\b/,
    /\bnew (?:iban|account number|sort code)\b/,
    /\b(?:neue bankverbindung|bankverbindung (?:hat sich )?geändert|neue kontonummer)\b/,
    /\b(?:nouvelles? coordonnées bancaires|changement de (?:rib|coordonnées bancaires)|nouveau rib)\b/,
    /\b(?:nuevos? datos bancarios|nueva cuenta bancaria|cambio de cuenta bancaria)\b/,
  ],
  credentials: [
    /\b(?:verify|confirm|validate|re-?activate|unlock) (?:your )?(?:account|identity|mailbox|email|password|login)\b/,
    /\bpassword (?:will )?(?:expires?|expiring|expired|reset)\b/,
    /\b(?:sign|log) ?in (?:to|now|here|below)\b/,
    /\b(?:enter|update|confirm) your (?:password|credentials|login details)\b/,
    /\b(?:mailbox|account) (?:will be )?(?:suspended|disabled|deactivated|locked|closed)\b/,
    /\b(?:passwort (?:läuft ab|abgelaufen)|konto (?:bestätigen|verifizieren)|anmelden)\b/,
    /\b(?:mot de passe (?:expire|expiré)|vérifie[rz] votre compte|connectez-vous)\b/,
    /\b(?:contraseña (?:caduca|expira)|verifi(?:car|que) su cuenta|inicie sesión)\b/,
  ],
  urgency: [
    /\b(?:urgent(?:ly)?|asap|immediately|right away|as soon as possible|time[- ]sensitive|without delay)\b/,
    /\b(?:by|before) (?:today|tonight|end of (?:the )?day|eod|close of business|cob)\b/,
    /\b(?:within|expires? in|in the next) (?:24|48|12) hours\b/,
    /\b(?:dringend|eilig|sofort|umgehend|noch heute)\b/,
    /\b(?:urgence|immédiatement|au plus vite|dès que possible|aujourd'hui même)\b/,
    /\b(?:urgente|inmediatamente|lo antes posible|hoy mismo)\b/,
  ],
  secrecy: [
    /\b(?:confidential|discreet|between us|keep (?:this|it) (?:quiet|private|to yourself|between us))\b/,
    /\b(?:do not|don'?t) (?:tell|mention|discuss|share this with|inform|call)\b/,
    /\b(?:vertraulich|unter uns|niemandem (?:sagen|erzählen))\b/,
    /\b(?:confidentiel(?:le)?|entre nous|n'en parlez à personne)\b/,
    /\b(?:confidencial|entre nosotros|no se lo digas)\b/,
  ],
  gift_card: [
    /\b(?:gift ?cards?|itunes cards?|google play cards?|steam (?:wallet|cards?)|amazon (?:gift )?cards?|apple (?:gift )?cards?|scratch (?:off )?the back)\b/,
    /\b(?:gutscheinkarten?|geschenkkarten?|cartes? cadeaux?|tarjetas? (?:de )?regalo)\b/,
  ],
  invoice: [
    /\b(?:invoice|inv\.? ?#|remittance advice|proforma|pro-forma|billing statement|payment receipt)\b/,
    /\b(?:rechnung|facture|factura)\b/,
    /\b(?:subscription|auto-?renewal|renewed|your order)\b/,
  ],
  // Sextortion and "your device was hacked" blackmail: a threat plus a crypto payment demand.
  extortion: [
    /\b(?:(?:i|we) (?:have )?(?:hacked|infected|gained access to|have access to) your (?:device|computer|phone|account|email|system))\b/,
    /\b(?:recorded (?:you|a video of you)|your webcam|compromising (?:video|photos?|material)|intimate (?:video|photos?))\b/,
    /\b(?:(?:send|share|publish|forward) (?:the |this )?(?:video|recording|photos?) to (?:all )?your contacts)\b/,
    /\b(?:(?:pay|send|transfer) [^\n]{0,40}?(?:bitcoin|btc|monero|xmr)|(?:bitcoin|btc) (?:wallet|address))\b/,
  ],
  reply: [
    /\b(?:are you (?:available|at your desk|around)|reply (?:to me|asap|urgently)|get back to me|let me know (?:asap|when you|if you)|i need (?:you|a favou?r))\b/,
    /\b(?:sind sie (?:verfügbar|erreichbar)|êtes-vous disponible|está disponible)\b/,
  ],
};

/** A phone number close to a call-to-action: the classic "call us to cancel your subscription" lure. */
const CALLBACK = /\b(?:call|phone|ring|contact|dial|anrufen|rufen sie|appelez|llame)\b[^\n]{0,60}?(\+?\(?\d[\d\s().-]{7,18}\d)/g;

const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/;

export type Intents = Readonly<Partial<Record<Intent, readonly string[]>>>;

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_PHRASE_CHARS ? `${t.slice(0, MAX_PHRASE_CHARS - 1)}…` : t;
}

// JavaScript's \b is ASCII-only even with the u flag, so "überweisung" would never start a word.
const UNICODE_BOUNDARY = '(?:(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])|(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_]))';
// Phrases start and end with a letter, so at their ends one look-around is enough (and cheaper).
const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';

function unicodeBoundaries(source: string): string {
  return source.replace(/^\\b/u, WORD_START).replace(/\\b$/u, WORD_END).replaceAll('\\b', UNICODE_BOUNDARY);
}

const COMPILED: ReadonlyArray<readonly [Intent, readonly RegExp[]]> = (Object.entries(PATTERNS) as Array<[Intent, readonly RegExp[]]>).map(
  // The look-around boundary costs several times more than \b, so only patterns with non-ASCII letters pay for it.
  ([intent, list]) => [intent, list.map((p) => new RegExp(/[^\x00-\x7f]/.test(p.source) ? unicodeBoundaries(p.source) : p.source, 'gu'))] as const,
);

function matches(text: string, patterns: readonly RegExp[]): string[] {
  const found = new Set<string>();
  for (const g of patterns) {
    for (const m of text.matchAll(g)) {
      found.add(quote(m[0]));
      if (found.size >= MAX_PHRASES) return [...found];
    }
  }
  return [...found];
}

function callbackNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(CALLBACK)) {
    const number = m[1] ?? '';
    const digits = number.replace(/\D/g, '');
    // Eight digits is the shortest number worth calling ("+1 (555) 0147"); a date has as many, so dates are skipped.
    if (digits.length < 8 || digits.length > 15 || DATE_LIKE.test(number)) continue;
    found.add(quote(m[0]));
    if (found.size >= MAX_PHRASES) break;
  }
  return [...found];
}

/** The text intents are read from: subject, then body, lower-cased and bounded. */
export function contentText(message: Pick<Message, 'subject' | 'text'>): string {
  return `${message.subject}\n${message.text}`.slice(0, INTENT_SCAN_CHARS).toLowerCase();
}

export function detectIntents(message: Pick<Message, 'subject' | 'text'>): Intents {
  const text = contentText(message);
  const result: Partial<Record<Intent, readonly string[]>> = {};
  for (const [intent, patterns] of COMPILED) {
    const found = matches(text, patterns);
    if (found.length > 0) result[intent] = found;
  }
  const calls = callbackNumbers(text);
  if (calls.length > 0) result.callback = calls;
  return result;
}

// Several checks read the same message's intents: compute once per Message object.
const cache = new WeakMap<object, Intents>();

export function intentsOf(message: Message): Intents {
  let found = cache.get(message);
  if (!found) {
    found = detectIntents(message);
    cache.set(message, found);
  }
  return found;
}
