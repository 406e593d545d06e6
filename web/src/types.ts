/**
 * Shapes of the API's answers (the dashboard contract, docs/api.md). web/ may not import from
 * src/, so these are written out here; the server's zod schemas are the source of truth.
 * Times are epoch milliseconds.
 */

export type Action = 'deliver' | 'banner' | 'junk' | 'hold';
export const ACTIONS: readonly Action[] = ['deliver', 'banner', 'junk', 'hold'];

export type Direction = 'inbound' | 'outbound' | 'internal';
export const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound', 'internal'];

export type ByAction = Record<Action, number>;

/** What a message list row and the full verdict both carry. */
export interface MessageBasics {
  readonly id: string;
  readonly analysedAt: number;
  readonly direction: string;
  readonly from: string | null;
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly score: number;
  readonly tags: readonly string[];
}

/** One row of a message list (GET /messages, profiles, widgets). */
export interface MessageSummary extends MessageBasics {
  /** The delivery action taken. */
  readonly action: string;
  readonly headline: string;
}

export interface MessagePage {
  readonly items: readonly MessageSummary[];
  readonly hasMore: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** GET /messages query parameters (ISO 8601 for from/to). */
export interface MessageFilter {
  from?: string;
  to?: string;
  sender?: string;
  recipient?: string;
  group?: string;
  senderDomain?: string;
  tag?: string;
  action?: string;
  direction?: string;
  minScore?: string;
  maxScore?: string;
  q?: string;
}

export type RefKind =
  | 'sender'
  | 'recipient'
  | 'domain'
  | 'lookalike'
  | 'link'
  | 'attachment'
  | 'relationship'
  | 'thread'
  | 'infrastructure'
  | 'related'
  | 'bank'
  | 'content'
  | 'action';

export interface Span {
  readonly text: string;
  /** Loose on purpose: the server may add kinds; unknown kinds render as plain text. */
  readonly ref?: { readonly kind: RefKind | string; readonly id: string };
}

export interface Signal {
  readonly id: string;
  /** 0..1 */
  readonly strength: number;
  readonly summary: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** One rung of an action ladder: taken (why) or considered and not taken (notTaken). */
export interface Rung {
  readonly area: string;
  readonly action: string;
  readonly reason: string;
}

/** The stored verdict, loosely: the server promises these fields and may send more. */
export interface Verdict extends MessageBasics {
  readonly digest: string;
  readonly messageId: string | null;
  readonly reason: string;
  readonly signals: readonly Signal[];
  readonly threat: { readonly asks: readonly string[]; readonly evidence?: Readonly<Record<string, string>> };
  readonly actions: {
    readonly delivery: string;
    readonly links: string;
    readonly attachments: string;
    readonly notTaken: readonly Rung[];
    readonly why?: readonly Rung[];
    readonly subjectTag?: string | null;
  };
  readonly narrative: { readonly headline: string; readonly sentences: readonly (readonly Span[])[]; readonly text: string };
  readonly defects: readonly string[];
}

export interface Click {
  readonly token: string;
  readonly url: string;
  readonly at: number;
  readonly actor?: string | null;
  readonly outcome: 'continued' | 'blocked' | string;
  readonly verdictId?: string;
}

export interface MessageLink {
  readonly href: string;
  readonly text: string;
  readonly host: string | null;
  readonly registrableDomain: string | null;
  readonly textDomain: string | null;
  readonly source: string;
}

export interface MessageAttachment {
  readonly filename: string | null;
  readonly declaredType: string | null;
  readonly detectedType: string | null;
  readonly size: number;
  readonly sha256: string;
  readonly disposition: string | null;
  readonly traits: readonly string[];
}

export interface MessageContent {
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly text: string;
  readonly hasHtml: boolean;
  readonly links: readonly MessageLink[];
  readonly attachments: readonly MessageAttachment[];
  /** Authentication results (SPF, DKIM, DMARC...): shape owned by the server, shown as key/value. */
  readonly auth: Readonly<Record<string, unknown>>;
  readonly truncated: boolean;
}

export type HeldState = 'held' | 'release_requested' | 'released' | 'deleted' | 'expired';
export const HELD_STATES: readonly HeldState[] = ['held', 'release_requested', 'released', 'deleted', 'expired'];

/** A quarantine entry (GET /held, and `quarantine` in GET /messages/:id). */
export interface HeldEntry {
  readonly id: string;
  readonly verdictId?: string;
  readonly messageId?: string | null;
  readonly sender: string | null;
  readonly recipients: readonly string[];
  readonly receivedAt: number;
  readonly state: HeldState;
  readonly expiresAt: number;
  readonly updatedAt: number;
  /** Queue rows (GET /held) carry what the message is; single entries do not. */
  readonly subject?: string | null;
  readonly score?: number | null;
  readonly headline?: string | null;
  readonly tags?: readonly string[];
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: unknown;
}

/** GET /messages/:id */
export interface MessageDetail {
  readonly verdict: Verdict;
  readonly origin: string | null;
  readonly clicks: readonly Click[];
  readonly content?: MessageContent | null;
  /** Set when the content is gone because the message is older than the content retention (days). */
  readonly contentRemovedAfterDays?: number | null;
  readonly quarantine?: HeldEntry | null;
  readonly history?: readonly AuditEntry[];
}

export interface ReportResult {
  readonly ok: true;
  readonly kind: 'phishing' | 'safe';
  /** True when the sender now carries the organisation-wide judgement. */
  readonly senderJudged: boolean;
  /** Why the report was only recorded (e.g. the From failed authentication, so it is probably forged). */
  readonly notJudged?: string | null;
}

export interface Counted {
  readonly value: string;
  readonly count: number;
}

export interface Stats {
  readonly total: number;
  readonly anomalous: number;
  readonly actioned: number;
  readonly held: number;
  readonly maxScore: number;
}

/** A person's numbers are the Stats of the mail they received, plus their own. */
export interface Person extends Stats {
  readonly address: string;
  readonly groups: readonly string[];
  readonly vip: boolean;
  readonly clicks: number;
  /** 0..100 */
  readonly exposure: number;
  readonly reasons: readonly string[];
  readonly topTags: readonly { readonly tag: string; readonly count: number }[];
}

/** One sender or domain in a ranking: the Stats of its mail. */
export interface GroupRow extends Stats {
  readonly value: string;
  readonly lastAt: number;
}

export interface DayPoint {
  /** UTC day, YYYY-MM-DD */
  readonly day: string;
  readonly total: number;
  readonly byAction: ByAction;
}

/** GET /overview?days=N */
export interface Overview {
  readonly from: number;
  readonly to: number;
  readonly total: number;
  readonly byAction: ByAction;
  readonly byTag: Readonly<Record<string, number>>;
  readonly heldAwaiting: number;
  readonly series: readonly DayPoint[];
  readonly topTargeted: readonly Person[];
  readonly topSenders: readonly GroupRow[];
  readonly topDomains: readonly GroupRow[];
}

/** What a sender and a domain profile both carry: what the model learned, and the verdicts' stats. */
export interface LearnedProfile {
  readonly known: boolean;
  readonly firstSeen: number | null;
  readonly lastSeen: number | null;
  readonly learnedMessages: number;
  readonly stats: Stats;
  readonly recent: readonly MessageSummary[];
}

export interface SenderProfile extends LearnedProfile {
  readonly address: string;
  readonly domain: string;
  readonly displayNames: readonly Counted[];
  readonly recipients: readonly Counted[];
}

export interface DomainProfile extends LearnedProfile {
  readonly domain: string;
  readonly senders: readonly Counted[];
  readonly internal: boolean;
  readonly resembles: readonly string[];
}

export interface PeopleAnswer {
  readonly from: number;
  readonly to: number;
  readonly items: readonly Person[];
}

export interface PersonDetail {
  readonly person: Person;
  readonly recent: readonly MessageSummary[];
  readonly clicks: readonly Click[];
}

export interface Group {
  readonly name: string;
  readonly members: readonly string[];
}

export type BarField = 'tag' | 'action' | 'direction' | 'group' | 'recipient' | 'sender' | 'senderDomain';

export interface WidgetFilter {
  tag?: string;
  action?: string;
  direction?: string;
  group?: string;
  recipient?: string;
  sender?: string;
  senderDomain?: string;
  minScore?: number;
  q?: string;
}

export type View = { type: 'timeseries' } | { type: 'bar'; by: BarField } | { type: 'table' };

export interface Widget {
  id: string;
  title: string;
  filter: WidgetFilter;
  view: View;
  /** 1..366 */
  days: number;
}

export type WidgetData =
  | { readonly type: 'timeseries'; readonly series: readonly DayPoint[] }
  | { readonly type: 'bar'; readonly bars: readonly { readonly label: string; readonly count: number }[] }
  | { readonly type: 'table'; readonly items: readonly MessageSummary[] };

export interface Dashboard {
  readonly id: string;
  readonly ownerId: string;
  readonly owner: string;
  readonly name: string;
  readonly shared: boolean;
  readonly widgets: readonly Widget[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly editable: boolean;
}

export interface EditableSettings {
  orgDomains: string[];
  groups: Record<string, string[]>;
  vips: string[];
  autonomy: 'passive' | 'active';
  quarantineRetentionDays: number;
  messageRetentionDays: number;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: 'admin' | 'analyst' | 'viewer';
  readonly disabled: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** GET /settings: the effective configuration (secrets redacted) and the part PUT /settings edits. */
export interface SettingsAnswer {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly editable: EditableSettings;
}

/** An API token as listed (never its secret). */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scope: 'read' | 'write';
  readonly createdAt: number;
  readonly revokedAt: number | null;
}
