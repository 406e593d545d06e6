import type { Message } from '../message.js';

/**
 * Cheap content habits of a sender: does their mail carry attachments, links, HTML, and in which
 * script is it written? A sender who never sent a link or wrote in another script doing so now
 * is one way a hijacked account shows (DESIGN: "content unlike theirs").
 */
export type Habit = 'attachment' | 'link' | 'html' | `script:${string}`;

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['latin', /\p{Script=Latin}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
  ['greek', /\p{Script=Greek}/gu],
  ['arabic', /\p{Script=Arabic}/gu],
  ['hebrew', /\p{Script=Hebrew}/gu],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu],
];

/** Letters sampled for the script: enough to be sure, cheap on long bodies. */
const SCRIPT_SAMPLE_CHARS = 4_000;

export function dominantScript(text: string): string | null {
  const sample = text.slice(0, SCRIPT_SAMPLE_CHARS);
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, pattern] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  // A handful of letters (a signature, "OK") says nothing about a language habit.
  return bestCount >= 20 ? best : null;
}

export function habitsOf(message: Message): Habit[] {
  const habits: Habit[] = [];
  if (message.attachments.some((a) => a.disposition !== 'inline')) habits.push('attachment');
  if (message.links.some((l) => l.registrableDomain !== null)) habits.push('link');
  if (message.html !== null) habits.push('html');
  const script = dominantScript(message.subject + '\n' + message.text);
  if (script) habits.push(`script:${script}`);
  return habits;
}

/** Link registrable domains of one email, capped so a link farm cannot inflate lookups. */
export const MAX_LINK_DOMAINS = 10;

export function linkDomainsOf(message: Message): string[] {
  return [...new Set(message.links.map((l) => l.registrableDomain).filter((d): d is string => d !== null))].slice(0, MAX_LINK_DOMAINS);
}

/** How many of our people one email went to, bucketed so the sender's habit is a short list. */
export const WIDTH_BUCKETS = ['1', '2', '3-5', '6-10', '11-25', '26+'] as const;

export function widthBucket(internalRecipients: number): (typeof WIDTH_BUCKETS)[number] {
  if (internalRecipients <= 1) return '1';
  if (internalRecipients === 2) return '2';
  if (internalRecipients <= 5) return '3-5';
  if (internalRecipients <= 10) return '6-10';
  if (internalRecipients <= 25) return '11-25';
  return '26+';
}
