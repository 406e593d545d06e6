import { foldedSkeleton } from './skeleton.js';

/** Names with more words than this are not people's names (mailing-list banners, taglines). */
const MAX_NAME_WORDS = 5;
/** Longest display name considered; longer ones are not compared (bounded work per email). */
const MAX_NAME_LENGTH = 120;

/**
 * Honorifics, roles and device words that decorate a name without changing whose it is
 * ("Gwen Brightman (CEO)", "Dr. Gwen Brightman", "Gwen Brightman, Chief Executive Officer",
 * "Gwen Brightman - iPhone"). Impersonators add them to borrow authority.
 */
const DECORATION = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'jr', 'sr', 'phd', 'md', 'esq',
  'ceo', 'cfo', 'cto', 'coo', 'cio', 'ciso', 'vp', 'svp', 'evp', 'chief', 'executive', 'financial', 'operating', 'technology',
  'officer', 'president', 'director', 'managing', 'manager', 'head', 'chair', 'chairman', 'founder', 'partner',
  'office', 'mobile', 'phone', 'iphone', 'ipad', 'android', 'personal', 'private', 'home', 'work', 'sent', 'from', 'my', 'of', 'the',
].map((w) => foldedSkeleton(w)));

/** Titles set off from the name: "(CEO)", "[External]", "Name | Company", "Name - iPhone". */
const SET_OFF = /\([^)]*\)|\[[^\]]*\]|\s+(?:[|–—/]|-|via)\s.*$/giu;

/**
 * The words of a display name as compared: case, accents and look-alike characters folded,
 * titles and decorations dropped, punctuation and quotes dropped, "Last, First" and "First Last"
 * alike (words sorted), single letters (middle initials) dropped, and anything that looks like an
 * email address removed.
 */
export function nameWords(displayName: string): string[] {
  if (!displayName || displayName.length > MAX_NAME_LENGTH) return [];
  const folded = foldedSkeleton(displayName.normalize('NFKC').replace(SET_OFF, ' '))
    .replace(/\S+@\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return folded
    .split(' ')
    .filter((w) => [...w].length > 1 && !DECORATION.has(w))
    .sort();
}

/**
 * The key a person's display name is learned and looked up under, or null when the name is not
 * a person's full name we can match safely: at least two words (a lone "Alex" or "Accounts"
 * matches too many people) and at most a handful.
 */
export function personNameKey(displayName: string): string | null {
  const words = nameWords(displayName);
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return null;
  return words.join(' ');
}

/** Letters and digits only, folded: how an organisation's name is searched for inside other strings. */
export function compactFold(text: string): string {
  return foldedSkeleton(text.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The organisation's name as people write it, from its domain's label: `corvid-labs.com` →
 * "corvid labs". Its compact form ("corvidlabs") is what is searched for.
 */
export function orgNameFromDomain(registrableDomain: string): { readonly name: string; readonly compact: string } {
  const label = registrableDomain.toLowerCase().split('.')[0] ?? '';
  const name = label.replace(/[-_]+/g, ' ').trim();
  return { name, compact: compactFold(name) };
}
