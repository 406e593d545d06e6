import type { Message } from '../message.js';

/** Reply/forward prefixes across common mail clients and languages (Re, Fwd, AW/WG German, TR/RE French, SV/VS Nordic, RIF Italian, ...). */
const REPLY_PREFIX = /^\s*(?:\[[^\]]{1,40}\]\s*)?(?:re|aw|sv|vs|antw|odp|rif|res|r)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/iu;
const FORWARD_PREFIX = /^\s*(?:\[[^\]]{1,40}\]\s*)?(?:fwd?|wg|tr|fw|enc|rv|vb|doorst|i)\s*[:：]/iu;

/** An Outlook-style quoted header block or a "On … wrote:" attribution line. */
const QUOTED_HEADER_BLOCK = /^[ \t>]*(?:\*\s*)?(?:from|von|de|van)\s*:.*\n(?:.*\n){0,3}?[ \t>]*(?:\*\s*)?(?:sent|date|gesendet|envoy[ée]|datum)\s*:.*\n(?:.*\n){0,3}?[ \t>]*(?:\*\s*)?(?:to|an|[àa]|aan)\s*:/imu;
const ATTRIBUTION_LINE = /^[ \t>]*(?:on|am|le|op)\s.{4,120}\s(?:wrote|schrieb|a écrit|schreef)\s*:\s*$/imu;

/** How much of the body is searched for a quoted block: attack lures are short, and regexes stay cheap. */
const BODY_SCAN_CHARS = 20_000;

export type ThreadClaim = 'reply' | 'forward' | 'quoted';

/** What the message claims about being part of a conversation, or null when it claims nothing. */
export function threadClaimOf(message: Message): ThreadClaim | null {
  if (REPLY_PREFIX.test(message.subject)) return 'reply';
  if (FORWARD_PREFIX.test(message.subject)) return 'forward';
  const body = message.text.slice(0, BODY_SCAN_CHARS);
  return QUOTED_HEADER_BLOCK.test(body) || ATTRIBUTION_LINE.test(body) ? 'quoted' : null;
}

/** Message-IDs compared without angle brackets or surrounding space (the parser keeps them as written). */
export function normaliseMessageId(id: string): string {
  return id.trim().replace(/^<|>$/gu, '').trim();
}

/** Bounded: In-Reply-To plus the most recent few References (the nearest ancestors are the likeliest to have been seen). */
export const MAX_THREAD_LOOKUPS = 5;

export function threadReferences(message: Message): string[] {
  const ids = [message.thread.inReplyTo, ...[...message.thread.references].reverse()].filter((id): id is string => !!id).map(normaliseMessageId).filter((id) => id.length > 0);
  return [...new Set(ids)].slice(0, MAX_THREAD_LOOKUPS);
}
