import type { Check } from './check.js';

function header(headers: ReadonlyArray<{ name: string; value: string }>, name: string): string | null {
  return headers.find((h) => h.name === name)?.value ?? null;
}

/**
 * Bulk mail (a List-Unsubscribe header or Precedence: bulk) from a sender nobody here ever
 * exchanged mail with: unsolicited marketing. Informational: a newsletter someone signed up to
 * soon has history and falls silent; a list's own traffic (List-Id) is a conversation, not marketing.
 */
export const unsolicitedBulk: Check = {
  id: 'UNSOLICITED_BULK',
  description: 'Bulk or marketing mail from a sender with no history here and nobody here having written to it.',
  run({ who, message, facts }) {
    if (who.direction !== 'inbound' || !who.sender || message.listId) return null;
    const unsubscribe = header(message.headers, 'list-unsubscribe');
    const precedence = header(message.headers, 'precedence')?.trim().toLowerCase() ?? null;
    const bulk = unsubscribe !== null || precedence === 'bulk';
    if (!bulk || facts.sender.prevalence !== 'new' || facts.solicited.byAddress || facts.solicited.byDomain) return null;
    return {
      id: this.id,
      strength: 1,
      evidence: { sender: who.sender, listUnsubscribe: unsubscribe !== null, precedence },
      summary: `${who.sender} sends bulk mail, and nobody here has corresponded with it`,
    };
  },
};
