/**
 * Where a narrative span's reference leads (the contract's "narrative jump-offs"): profiles for
 * people, domains and lookalike pairs, and the email page's own sections for the parts of the
 * message. Unknown kinds lead nowhere (the span stays plain text).
 */
export interface SpanRef {
  readonly kind: string;
  readonly id: string;
}

const SECTION: ReadonlyMap<string, string> = new Map(Object.entries({
  link: '#links',
  attachment: '#attachments',
  infrastructure: '#headers',
  bank: '#body',
  content: '#body',
  action: '#actions',
}));

export function profilePath(kind: 'sender' | 'domain' | 'person' | 'lookalike', id: string): string {
  return `/profiles/${kind}/${encodeURIComponent(id)}`;
}

/** A route path (starts with "/") or an in-page anchor (starts with "#"), or null. */
export function refTarget(ref: SpanRef, sender: string | null): string | null {
  switch (ref.kind) {
    case 'sender':
      return profilePath('sender', ref.id);
    case 'recipient':
      return profilePath('person', ref.id);
    case 'domain':
      return profilePath('domain', ref.id);
    case 'lookalike':
      return profilePath('lookalike', ref.id);
    case 'relationship':
    case 'related':
    case 'thread':
      return sender ? profilePath('sender', sender) : null;
    default:
      return SECTION.get(ref.kind) ?? null;
  }
}
