/**
 * Threads: a first message and replies with quoting and matching In-Reply-To/References, each
 * reply sent inside the replier's working hours.
 */
import { type Hours, HOUR, intoWorkingHours, MINUTE, messageId, quote, reSubject, type SimMail, threadOf } from './compose.js';
import type { MailSpec, Party, Transport } from './render.js';
import type { Rng } from './rng.js';

/** One side of a conversation: who they are, when they work, how their mail travels. */
export interface Speaker {
  readonly party: Party;
  readonly hours: Hours;
  readonly transport: Transport;
  readonly mailer: string;
  readonly signature: string;
  readonly idDomain: string;
}

export interface Turn {
  readonly speaker: Speaker;
  readonly body: string;
  readonly html?: boolean;
}

/**
 * Writes a thread: `first` opens it to `to` (+ `cc`), each later turn replies to the previous
 * message, addressed to its sender and everyone else who was on it.
 */
export function conversation(
  rng: Rng,
  start: number,
  subject: string,
  to: readonly Speaker[],
  turns: readonly Turn[],
  extras: Partial<Pick<MailSpec, 'attachments' | 'cc'>> = {},
): SimMail[] {
  const out: SimMail[] = [];
  let previous: MailSpec | null = null;
  let participants: Party[] = [];
  for (const [index, turn] of turns.entries()) {
    const me = turn.speaker;
    let at = start;
    if (previous) {
      const delay = rng.weighted([
        [rng.int(5, 60) * MINUTE, 4],
        [rng.int(1, 5) * HOUR, 3],
        [rng.int(12, 40) * HOUR, 1],
      ] as const);
      at = intoWorkingHours(rng, previous.at + delay, me.hours.offsetMinutes, me.hours.startHour, me.hours.endHour);
    }
    const recipients: Party[] = previous
      ? [previous.from, ...participants.filter((p) => p.address !== me.party.address && p.address !== previous?.from.address)]
      : to.map((s) => s.party);
    const primary = recipients.slice(0, previous ? 1 : recipients.length);
    const others = previous ? recipients.slice(1) : (extras.cc ?? []);
    const text = `${turn.body}${me.signature}${previous ? quote(previous) : ''}`;
    const spec: MailSpec = {
      id: messageId(rng, me.idDomain),
      at,
      offsetMinutes: me.hours.offsetMinutes,
      from: me.party,
      to: primary,
      cc: others,
      subject: previous ? reSubject(subject) : subject,
      text,
      html: turn.html ? htmlOf(text) : undefined,
      mailer: me.mailer,
      transport: me.transport,
      attachments: index === 0 ? extras.attachments : undefined,
      ...(previous ? threadOf(previous) : {}),
    };
    if (!previous) participants = [me.party, ...primary, ...(extras.cc ?? [])];
    out.push({ spec, label: 'legit', kind: '' });
    previous = spec;
  }
  return out;
}

function htmlOf(text: string): string {
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = escape(text)
    .split('\n')
    .map((l) => (l.startsWith('&gt;') ? `<span style="color:#666">${l}</span>` : l))
    .join('<br>\n');
  return `<html><head><meta charset="utf-8"></head><body><div style="font-family:Calibri,sans-serif">\n${body}\n</div></body></html>\n`;
}
