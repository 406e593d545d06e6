/**
 * What the email page shows beyond the verdict, captured when the message is analysed. Bounded
 * (see CONTENT_LIMITS) so a huge or hostile message cannot bloat the store. The HTML is kept as
 * received and is hostile: it is only ever served sanitised, inside a sandboxed frame with a CSP
 * that blocks scripts and remote loads (src/api/routes/message-body.ts).
 */
export interface MessageContent {
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly text: string;
  readonly html: string | null;
  readonly links: ReadonlyArray<{
    readonly href: string;
    readonly text: string;
    readonly host: string | null;
    readonly registrableDomain: string | null;
    /** The domain the link's visible text names, when it names one (mismatch evidence). */
    readonly textDomain: string | null;
    readonly source: 'html' | 'text';
  }>;
  readonly attachments: ReadonlyArray<{
    readonly filename: string | null;
    readonly declaredType: string;
    readonly detectedType: string | null;
    readonly size: number;
    readonly sha256: string;
    readonly disposition: 'attachment' | 'inline' | null;
    readonly traits: readonly string[];
  }>;
  /** SPF/DKIM/DMARC/ARC results as the verdict saw them. */
  readonly auth: Readonly<Record<string, unknown>>;
  /** True when any part was cut to the limits below. */
  readonly truncated: boolean;
}

export const CONTENT_LIMITS = {
  headers: 200,
  headerValueChars: 2_000,
  textChars: 64 * 1024,
  htmlChars: 256 * 1024,
  links: 200,
  attachments: 100,
} as const;

/**
 * Contents removed per transaction by Store.pruneMessageContent: a first prune after an upgrade
 * may face months of mail, and one transaction over all of it would hold SQLite's write lock
 * (and the gateway's next verdict) for seconds.
 */
export const CONTENT_PRUNE_BATCH = 500;
