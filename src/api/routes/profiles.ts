import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BehaviourKeys } from '../../core/model/behaviour-keys.js';
import { EmailKeys } from '../../core/model/email-keys.js';
import { isInternalDomain } from '../../core/org.js';
import { ANY_VALUE, type Counter, type ProfileKey, ProfileView, keyString } from '../../core/profile.js';
import { registrableDomain, toUnicodeDomain } from '../../mail/domains.js';
import { parseSingleAddress } from '../../mail/addresses.js';
import type { Store, StoredVerdict } from '../../store/store.js';
import type { ApiContext } from '../context.js';
import { errors } from '../schemas.js';
import { anomalousScoreOf, policyOf } from './anomalous-threshold.js';
import { resembledDomains, resemblanceQueries } from './domain-resemblance.js';
import { AddressParams, CountedSchema, StatsSchema, statsOf } from './insight-schemas.js';
import { MessageSummarySchema, summary } from './message-schemas.js';

/** Newest messages shown on a profile, and how many of their From headers are read for display names. */
const RECENT = 20;
/** Top entries of the "writes to" and "senders at this domain" lists. */
const TOP_VALUES = 20;

const Learned = { known: z.boolean(), firstSeen: z.number().nullable(), lastSeen: z.number().nullable(), learnedMessages: z.number() };

const SenderProfileSchema = z.object({
  address: z.string(),
  domain: z.string(),
  ...Learned,
  displayNames: z.array(CountedSchema),
  recipients: z.array(CountedSchema),
  stats: StatsSchema,
  recent: z.array(MessageSummarySchema),
});

const DomainProfileSchema = z.object({
  domain: z.string(),
  ...Learned,
  senders: z.array(CountedSchema),
  internal: z.boolean(),
  resembles: z.array(z.string()),
  stats: StatsSchema,
  recent: z.array(MessageSummarySchema),
});

/**
 * What the learned model knows of a correspondent, from its counters: mail it sent us (`in`),
 * mail our people sent it (`out`), and the messages of it that were learned (`sent`; held and
 * junked mail is never learned until released). First and last seen span all three.
 */
function learned(counters: ReadonlyMap<string, Counter>, keys: { in: ProfileKey; out: ProfileKey; sent: ProfileKey }) {
  const found = [keys.in, keys.out, keys.sent].map((k) => counters.get(keyString(k))).filter((c): c is Counter => c !== undefined && c.count > 0);
  return {
    known: found.length > 0,
    firstSeen: found.length > 0 ? Math.min(...found.map((c) => c.firstSeen)) : null,
    lastSeen: found.length > 0 ? Math.max(...found.map((c) => c.lastSeen)) : null,
    // Messages from it plus messages to it (one `out` count per message our people sent it).
    learnedMessages: (counters.get(keyString(keys.sent))?.count ?? 0) + (counters.get(keyString(keys.out))?.count ?? 0),
  };
}

/**
 * Display names are not in the model the other way round (it files addresses under a name, not
 * names under an address), so they come from the From headers kept with the newest verdicts.
 */
async function displayNamesOf(store: Store, recent: readonly StoredVerdict[]): Promise<Array<{ value: string; count: number }>> {
  const contents = await Promise.all(recent.map((s) => store.getMessageContent(s.verdict.id)));
  const counts = new Map<string, number>();
  for (const content of contents) {
    const from = content?.headers.find((h) => h.name.toLowerCase() === 'from')?.value;
    const name = from ? parseSingleAddress(from, [], 'from')?.name : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([value, count]) => ({ value, count }));
}

export function profileRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/senders/:address', {
    config: { access: 'viewer' },
    schema: {
      summary: 'A sender as the model knows it (first/last seen, learned messages, who it writes to, display names) with its verdict stats and newest messages',
      tags: ['profiles'],
      params: AddressParams,
      response: { 200: SenderProfileSchema, ...errors },
    },
  }, async (request) => {
    const { address } = request.params;
    const host = toUnicodeDomain(address.slice(address.lastIndexOf('@') + 1));
    const keys = { in: EmailKeys.addressIn(address, ANY_VALUE), out: EmailKeys.addressOut(address, ANY_VALUE), sent: BehaviourKeys.sent('address', address) };
    const recipientsQuery = BehaviourKeys.recipientsOfSenderQuery(address, TOP_VALUES);
    const anomalousScore = anomalousScoreOf(policyOf(ctx));
    const [counters, values, groups, recent] = await Promise.all([
      ctx.store.readProfiles(Object.values(keys)),
      ctx.store.readValues([recipientsQuery]),
      ctx.store.groupVerdicts({ sender: address }, { by: 'sender', anomalousScore, limit: 1 }),
      ctx.store.searchVerdicts({ sender: address }, { limit: RECENT }),
    ]);
    return {
      address,
      domain: registrableDomain(host) ?? host,
      ...learned(counters, keys),
      displayNames: await displayNamesOf(ctx.store, recent.items),
      recipients: new ProfileView(new Map(), values).values(recipientsQuery).map((v) => ({ value: v.value, count: v.counter.count })),
      stats: statsOf(groups[0]),
      recent: recent.items.map(summary),
    };
  });

  api.get('/api/v1/domains/:domain', {
    config: { access: 'viewer' },
    schema: {
      summary: 'A sender domain: what the model learned of it, its senders, whether it is ours, which known or own domains it resembles, its verdict stats and newest messages',
      tags: ['profiles'],
      params: z.object({ domain: z.string().trim().min(1).max(253).transform((s) => toUnicodeDomain(s)) }),
      response: { 200: DomainProfileSchema, ...errors },
    },
  }, async (request) => {
    const { domain } = request.params;
    // The model keys correspondents by registrable domain; verdicts keep the From address's own host.
    const modelDomain = registrableDomain(domain) ?? domain;
    const keys = { in: EmailKeys.domainIn(modelDomain, ANY_VALUE), out: EmailKeys.domainOut(modelDomain, ANY_VALUE), sent: BehaviourKeys.sent('domain', modelDomain) };
    const org = ctx.org();
    const anomalousScore = anomalousScoreOf(policyOf(ctx));
    const [counters, values, stats, senders, recent] = await Promise.all([
      ctx.store.readProfiles(Object.values(keys)),
      ctx.store.readValues(resemblanceQueries(modelDomain)),
      ctx.store.groupVerdicts({ senderDomain: domain }, { by: 'senderDomain', anomalousScore, limit: 1 }),
      // An anomalous threshold of 0 counts every message as "anomalous", so the store ranks by volume.
      ctx.store.groupVerdicts({ senderDomain: domain }, { by: 'sender', anomalousScore: 0, limit: TOP_VALUES }),
      ctx.store.searchVerdicts({ senderDomain: domain }, { limit: RECENT }),
    ]);
    return {
      domain,
      ...learned(counters, keys),
      senders: senders.map((row) => ({ value: row.value, count: row.total })),
      internal: isInternalDomain(org, domain),
      resembles: resembledDomains(modelDomain, new ProfileView(new Map(), values), org, ctx.now()),
      stats: statsOf(stats[0]),
      recent: recent.items.map(summary),
    };
  });
}
