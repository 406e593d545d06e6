/**
 * The plain-data view of one email that every check reads. Produced by `mail/` from raw
 * bytes; `core/` never parses anything itself. All strings are already decoded; all
 * collections are bounded by the parser's limits (see `mail/limits.ts`).
 */

export interface MailAddress {
  /** Display name as decoded (may be empty). */
  readonly name: string;
  /** Full address, lower-cased (`local@domain`); empty when the header had none. */
  readonly address: string;
  readonly local: string;
  /** Domain part, lower-cased, IDN in Unicode form as written. */
  readonly domain: string;
  /** Registrable domain via the public suffix list (`mail.acme.co.uk` → `acme.co.uk`); null if none. */
  readonly registrableDomain: string | null;
}

export interface ReceivedHop {
  /** The name the sending host gave (HELO/EHLO), when present. */
  readonly helo: string | null;
  /** The reverse-DNS name the receiving host recorded, when present. */
  readonly reverseName: string | null;
  readonly ip: string | null;
  readonly by: string | null;
  /** Epoch ms of the timestamp after `;`, when parseable. */
  readonly date: number | null;
}

export interface Link {
  readonly href: string;
  /** Visible text of the anchor (empty for bare URLs found in text). */
  readonly text: string;
  /** Host of the href, lower-cased; null for mailto:/tel:/relative links. */
  readonly host: string | null;
  readonly registrableDomain: string | null;
  /** Registrable domain named in the visible text, when the text looks like a URL or domain. */
  readonly textDomain: string | null;
  readonly source: 'html' | 'text';
}

export interface Attachment {
  readonly filename: string | null;
  readonly declaredType: string;
  /** MIME type sniffed from the first bytes; null when unknown. */
  readonly detectedType: string | null;
  readonly size: number;
  readonly sha256: string;
  readonly disposition: 'attachment' | 'inline' | null;
  /**
   * What the parser found inside the bytes (bounded, never executed or decompressed):
   * 'macro' (VBA in an OLE2 or OOXML document), 'encrypted' (a zip entry with the encryption
   * flag), 'executable' (PE/ELF/Mach-O or a script shebang). Absent when not examined.
   */
  readonly traits?: readonly AttachmentTrait[];
}

export type AttachmentTrait = 'macro' | 'encrypted' | 'executable';

export type AuthOutcome =
  | 'pass'
  | 'fail'
  | 'softfail'
  | 'neutral'
  | 'none'
  | 'policy'
  | 'temperror'
  | 'permerror'
  /** Could not be checked (no network, no trusted upstream header): never treated as failure. */
  | 'unknown';

/** Where an authentication result came from (DESIGN: "Authentication when belong is not the first hop"). */
export type AuthSource = 'own' | 'upstream' | 'none';

export interface AuthResults {
  readonly source: AuthSource;
  /** authserv-id of the trusted header when source is `upstream`. */
  readonly authservId: string | null;
  readonly spf: { readonly result: AuthOutcome; readonly domain: string | null };
  readonly dkim: ReadonlyArray<{ readonly result: AuthOutcome; readonly domain: string; readonly selector: string | null }>;
  readonly dmarc: { readonly result: AuthOutcome; readonly domain: string | null; readonly policy: string | null };
  readonly arc: { readonly result: AuthOutcome };
}

export interface Envelope {
  readonly mailFrom: string | null;
  readonly rcptTo: readonly string[];
  readonly clientIp: string | null;
  readonly helo: string | null;
}

export interface Message {
  /** sha256 of the raw bytes, hex: stable identity even when Message-ID is missing or reused. */
  readonly digest: string;
  readonly messageId: string | null;
  /** Date header as epoch ms; null when missing or unparseable. */
  readonly date: number | null;
  readonly envelope: Envelope | null;
  readonly from: MailAddress | null;
  readonly sender: MailAddress | null;
  readonly replyTo: readonly MailAddress[];
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly returnPath: MailAddress | null;
  readonly subject: string;
  /** Header fields in order, names lower-cased, values unfolded (bounded count and length). */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** Received chain, top (most recent) first. */
  readonly received: readonly ReceivedHop[];
  readonly text: string;
  readonly html: string | null;
  readonly links: readonly Link[];
  readonly attachments: readonly Attachment[];
  readonly thread: { readonly inReplyTo: string | null; readonly references: readonly string[] };
  readonly mailer: string | null;
  readonly listId: string | null;
  readonly auth: AuthResults;
  readonly size: number;
  /** What the parser had to repair, skip or truncate; analysis goes on regardless. */
  readonly defects: readonly string[];
}

/** All recipients a message was addressed to: envelope when known, else To + Cc, de-duplicated. */
export function recipientsOf(message: Message): string[] {
  const fromEnvelope = message.envelope?.rcptTo ?? [];
  const list = fromEnvelope.length > 0 ? fromEnvelope : [...message.to, ...message.cc].map((a) => a.address);
  return [...new Set(list.map((a) => a.toLowerCase()).filter((a) => a.includes('@')))];
}
