import { readFileSync } from 'node:fs';
import type { Link, Message } from '../../src/core/message.js';
import type { Policy } from '../../src/core/policy.js';
import { DAY_MS } from '../../src/core/profile.js';
import type { Signal } from '../../src/core/signal.js';
import type { Verdict } from '../../src/core/verdict.js';
import { buildMessage, type MessageSpec } from './message-builder.js';
import { MemoryModel } from './memory-model.js';

/** Test-only: an organisation with months of ordinary mail behind it, for content learn-then-scan tests. */
export const policy = JSON.parse(readFileSync(new URL('../../policy/default.json', import.meta.url), 'utf8')) as Policy;
export const org = { domains: ['example.org'] };
export const START = Date.UTC(2024, 0, 1);
export const LATER = START + 200 * DAY_MS;

/** A message with body text (set after building, so it works whatever the builder supports). */
export function mail(spec: MessageSpec & { text?: string }): Message {
  const { text, ...rest } = spec;
  const built = buildMessage({ date: LATER, ...rest });
  return text === undefined ? built : { ...built, text };
}

export function webLink(href: string, text = ''): Link {
  const host = new URL(href).hostname.toLowerCase();
  const labels = host.split('.');
  const textDomain = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+\.[a-z]{2,})/i.exec(text)?.[1]?.toLowerCase() ?? null;
  return { href, text, host, registrableDomain: /^[\d.]+$/.test(host) ? null : labels.slice(-2).join('.'), textDomain, source: 'html' };
}

/** Learn `times` copies of a message shape, a few days apart, ending well before LATER. */
export function learnRepeatedly(model: MemoryModel, times: number, spec: MessageSpec & { text?: string }): void {
  for (let i = 0; i < times; i++) {
    const at = START + i * 3 * DAY_MS;
    model.learnMessage(mail({ ...spec, date: at }), at);
  }
}

/** 80 ordinary messages among colleagues and partners, linking to the partner's docs site. */
export function establishedOrg(): MemoryModel {
  const model = new MemoryModel(org, policy);
  const partners = ['ann@partner.com', 'raj@supplier.net', 'li@client.io', 'bob@example.org'];
  for (let i = 0; i < 80; i++) {
    const at = START + i * DAY_MS;
    const from = partners[i % partners.length]!;
    model.learnMessage(mail({ from, to: ['alice@example.org'], date: at, text: 'Notes from the meeting attached.', links: [webLink('https://docs.partner.com/notes')] }), at);
  }
  return model;
}

export function signalOf(verdict: Verdict, id: string): Signal | undefined {
  return verdict.signals.find((s) => s.id === id);
}
