/**
 * A large, realistic verdict history for benchmarks, grown from a few thousand real engine
 * verdicts (engine-verdicts.ts): each stored verdict is a copy of one of them with a new id,
 * digest, time, sender and 1–3 recipients, the old addresses replaced throughout (signals,
 * reason, narrative), so scores, tags, actions and body sizes stay the engine's own mix.
 *
 * The organisation gets a few hundred people; correspondents come from a few thousand external
 * domains. Both are drawn with a skew (a few domains and people get most of the mail), times
 * follow working days and hours over the period, and everything comes from one seeded Rng so a
 * run is reproducible.
 */
import type { Verdict } from '../core/verdict.js';
import { Rng } from '../simulate/rng.js';

const FIRST = ['ada', 'bea', 'cyril', 'dana', 'emil', 'fatima', 'goran', 'hana', 'ivo', 'jana', 'kofi', 'lena', 'milo', 'nadia', 'otto', 'paula', 'quentin', 'rita', 'samir', 'tara', 'uwe', 'vita', 'wiebke', 'yara', 'zeno', 'arjun', 'birte', 'carlos', 'daria', 'eero'];
const LAST = ['aalto', 'berger', 'costa', 'dahl', 'eze', 'fischer', 'garcia', 'haas', 'ito', 'jensen', 'kaur', 'lopez', 'moreau', 'nowak', 'olsen', 'park', 'quaade', 'rossi', 'silva', 'tanaka', 'ulrich', 'vogel', 'weber', 'xu', 'young', 'zamora'];
const WORDS = ['north', 'blue', 'river', 'stone', 'cedar', 'harbor', 'peak', 'iron', 'silver', 'maple', 'delta', 'summit', 'pixel', 'quartz', 'atlas', 'nova', 'orbit', 'prime', 'vertex', 'willow', 'ember', 'falcon', 'granite', 'lumen', 'meadow'];
const NOUNS = ['labs', 'logistics', 'partners', 'systems', 'media', 'finance', 'consulting', 'print', 'supply', 'health', 'legal', 'travel', 'energy', 'foods', 'software', 'group', 'works', 'studio'];
const TLDS = ['example', 'test', 'example.com', 'example.net', 'example.org', 'test.co.uk', 'example.de'];
const LOCAL_ROLES = ['billing', 'invoices', 'noreply', 'news', 'support', 'sales', 'info', 'accounts', 'orders', 'hello'];
const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Population {
  readonly orgDomain: string;
  readonly people: readonly string[];
  /** Named groups of people, as configured in org.groups (the `group` filter expands these). */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly externalDomains: readonly string[];
}

/** Draws from `items` with weight 1/rank^exponent: the first few are far more common than the tail. */
export class SkewedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly items: readonly T[], exponent: number) {
    let sum = 0;
    items.forEach((_, i) => {
      sum += 1 / (i + 1) ** exponent;
      this.cumulative.push(sum);
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) <= r) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo] as T;
  }
}

export function buildPopulation(rng: Rng, options: { orgDomain: string; people: number; externalDomains: number }): Population {
  const names = rng.shuffle(FIRST.flatMap((f) => LAST.map((l) => `${f}.${l}`)));
  const people = names.slice(0, options.people).map((n) => `${n}@${options.orgDomain}`);
  const domains = new Set<string>();
  while (domains.size < options.externalDomains) domains.add(`${rng.pick(WORDS)}${rng.pick(['-', ''])}${rng.pick(NOUNS)}${rng.chance(0.3) ? rng.int(2, 99) : ''}.${rng.pick(TLDS)}`);
  return {
    orgDomain: options.orgDomain,
    people,
    // Members drawn from anywhere in the list: popularity follows list order (SkewedPicker).
    groups: { executives: rng.sample(people, 8), finance: rng.sample(people, 25) },
    externalDomains: [...domains],
  };
}

/** `count` times over `days` days ending at `end`, oldest first: mostly weekdays, mostly working hours. */
export function mailTimes(rng: Rng, count: number, end: number, days: number): number[] {
  const start = end - days * DAY;
  const weekdays: Array<readonly [number, number]> = Array.from({ length: days }, (_, d) => {
    const weekday = new Date(start + d * DAY).getUTCDay();
    return [d, weekday === 0 || weekday === 6 ? 0.15 : 1] as const;
  });
  const times = Array.from({ length: count }, () => {
    const day = rng.weighted(weekdays);
    const hour = rng.chance(0.85) ? rng.int(7, 18) : rng.int(0, 23);
    return start + day * DAY + hour * HOUR + rng.int(0, HOUR - 1);
  });
  return times.sort((a, b) => a - b);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A verdict is "clean" when the analyst would not look twice: delivered, untagged. */
export function isClean(v: Verdict): boolean {
  return v.actions.delivery === 'deliver' && v.tags.length === 0;
}

/**
 * Copies of the templates, one per time in `times`. Clean inbound mail and all internal and
 * outbound mail get senders and recipients from the population; flagged inbound mail keeps its
 * (attacker's or first-time sender's) address, since lookalike and spoof domains are the point.
 */
export class VerdictReplicator {
  private readonly externalSenders: SkewedPicker<string>;
  private readonly internal: SkewedPicker<string>;
  private readonly templates: ReadonlyArray<{ verdict: Verdict; json: string }>;

  constructor(templates: readonly Verdict[], private readonly population: Population, private readonly rng: Rng) {
    if (templates.length === 0) throw new Error('no template verdicts to replicate');
    this.templates = templates.map((verdict) => ({ verdict, json: JSON.stringify(verdict) }));
    // A few addresses per domain: role accounts and people; domains themselves skewed by rank.
    const senders = population.externalDomains.flatMap((d) => Array.from({ length: rng.int(1, 4) }, () => `${rng.chance(0.4) ? rng.pick(LOCAL_ROLES) : `${rng.pick(FIRST)}.${rng.pick(LAST)}`}@${d}`));
    this.externalSenders = new SkewedPicker([...new Set(senders)], 0.9);
    this.internal = new SkewedPicker(population.people, 0.7);
  }

  make(index: number, at: number): Verdict {
    const rng = this.rng;
    const { verdict: template, json } = rng.pick(this.templates);
    const keepSender = template.direction === 'inbound' && !isClean(template);
    const from = keepSender ? template.from : template.direction === 'inbound' ? this.externalSenders.pick(rng) : this.internal.pick(rng);
    const toExternal = template.direction === 'outbound';
    const recipientCount = rng.weighted([[1, 70], [2, 20], [3, 10]] as const);
    const recipients = new Set<string>();
    while (recipients.size < recipientCount) recipients.add(toExternal && recipients.size === 0 ? this.externalSenders.pick(rng) : this.internal.pick(rng));
    const newRecipients = [...recipients];
    let text = json;
    const replace = (old: string | null, now: string | null) => {
      if (old && now && old !== now) text = text.replace(new RegExp(escapeRegExp(old), 'giu'), now);
    };
    replace(template.from, from);
    template.recipients.forEach((old, i) => replace(old, newRecipients[i % newRecipients.length] ?? null));
    const copied = JSON.parse(text) as Verdict;
    const digest = rng.hex(64);
    const domain = (from ?? this.population.orgDomain).split('@').pop() ?? this.population.orgDomain;
    return {
      ...copied,
      id: `v-${digest.slice(0, 24)}-${at.toString(36)}-${index.toString(36)}`,
      digest,
      messageId: `<${rng.hex(16)}.${index.toString(36)}@${domain}>`,
      analysedAt: at,
      from,
      recipients: newRecipients,
    };
  }
}
