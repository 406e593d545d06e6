import { asciiPrototype, foldedSkeleton } from './skeleton.js';

/** Scripts told apart; anything else is reported as 'Other'. Common and Inherited (digits, marks, punctuation) belong to none. */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Georgian', 'Cherokee', 'Han', 'Hiragana', 'Katakana',
  'Hangul', 'Bopomofo', 'Thai', 'Devanagari', 'Bengali', 'Tamil', 'Ethiopic', 'Lisu', 'Coptic',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));
const NO_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

export function scriptOf(char: string): string | null {
  if (NO_SCRIPT.test(char)) return null;
  return SCRIPT_PATTERNS.find((s) => s.pattern.test(char))?.name ?? 'Other';
}

export function scriptsOf(word: string): string[] {
  const found = new Set<string>();
  for (const char of word) {
    const script = scriptOf(char);
    if (script) found.add(script);
  }
  return [...found].sort();
}

/**
 * UTS #39 "highly restrictive": one script, or Latin with the scripts Japanese, Chinese and
 * Korean writing mix with it. Anything else within one word (Latin + Cyrillic, Latin + Greek) is
 * what homograph attacks look like.
 */
const ALLOWED_MIXES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

export function isMixedScript(scripts: readonly string[]): boolean {
  if (scripts.length <= 1) return false;
  return !ALLOWED_MIXES.some((allowed) => scripts.every((s) => allowed.has(s)));
}

/**
 * Latin letters of living orthographies that the confusables table maps to ASCII (æ → ae,
 * Turkish ı → i, Vietnamese ơ → o'): normal in people's names, so not suspicious there.
 */
const ORTHOGRAPHIC = new Set([...'æÆœŒıĳĲơƠǄǅǆǇǈǉǊǋǌǱǲǳſ']);

/** Zero-width and bidirectional controls: invisible in a mail client, used to break up or reorder text. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

export interface ConfusableFinding {
  readonly word: string;
  readonly scripts: readonly string[];
  /** 'mixed-script' | 'look-alike-characters' | 'whole-script-look-alike' | 'invisible-characters' */
  readonly kind: 'mixed-script' | 'look-alike-characters' | 'whole-script-look-alike' | 'invisible-characters';
  /** The suspicious characters as "а U+0430 (looks like a)". */
  readonly characters: readonly string[];
}

function describe(char: string): string {
  const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  const proto = asciiPrototype(char);
  return proto ? `${char} U+${code} (looks like ${proto})` : `U+${code}`;
}

/** Non-ASCII characters that read as ASCII ones. */
function lookAlikeCharacters(word: string, allowOrthographic: boolean): string[] {
  return [...new Set([...word])].filter((c) => c.charCodeAt(0) > 0x7f && asciiPrototype(c) !== null && !(allowOrthographic && ORTHOGRAPHIC.has(c)));
}

const MAX_WORDS = 12;

/**
 * Words of `text` that are built to deceive: mixed scripts within one word; Latin words with
 * look-alike non-ASCII characters; (domains only) a label wholly in another script that reads as
 * ASCII, like Cyrillic `асе`; invisible characters. A name wholly in Greek or Japanese is fine.
 */
export function confusableFindings(text: string, where: 'name' | 'domain'): ConfusableFinding[] {
  const findings: ConfusableFinding[] = [];
  if (INVISIBLE.test(text)) {
    const chars = [...new Set([...text].filter((c) => INVISIBLE.test(c)))];
    findings.push({ word: text, scripts: scriptsOf(text), kind: 'invisible-characters', characters: chars.map(describe) });
  }
  const words = text.normalize('NFC').split(where === 'domain' ? /[.\s]+/u : /[^\p{L}\p{N}\p{M}-]+/u).filter(Boolean).slice(0, MAX_WORDS);
  for (const word of words) {
    const scripts = scriptsOf(word);
    const lookAlikes = lookAlikeCharacters(word, where === 'name');
    if (isMixedScript(scripts)) {
      const nonLatin = [...word].filter((c) => { const s = scriptOf(c); return s !== null && s !== 'Latin'; });
      findings.push({ word, scripts, kind: 'mixed-script', characters: [...new Set(nonLatin)].slice(0, 8).map(describe) });
    } else if (scripts.includes('Latin') && lookAlikes.length > 0) {
      findings.push({ word, scripts, kind: 'look-alike-characters', characters: lookAlikes.slice(0, 8).map(describe) });
    } else if (where === 'domain' && scripts.length === 1 && scripts[0] !== 'Latin' && /^[a-z0-9-]+$/.test(foldedSkeleton(word))) {
      findings.push({ word, scripts, kind: 'whole-script-look-alike', characters: lookAlikes.slice(0, 8).map(describe) });
    }
  }
  return findings;
}
