/**
 * The link page's HTML: fixed templates with every dynamic value escaped. No email HTML is
 * ever rendered, no script, no external resource (the CSP in link-page.ts forbids them too).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}.url{font-family:ui-monospace,monospace;word-break:break-all;background:#f4f4f6;padding:.75rem;border-radius:6px}
.host{font-weight:700}.why{border-left:4px solid #c2410c;padding-left:.75rem}.tags span{display:inline-block;background:#fde68a;border-radius:4px;padding:0 .4rem;margin:0 .3rem .3rem 0;font-size:.85rem}
button{font:inherit;padding:.5rem 1rem;margin-right:.75rem;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer}
.stop{background:#b91c1c;color:#fff;border-color:#b91c1c}.meta{color:#555;font-size:.9rem}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface LinkView {
  readonly url: string;
  readonly host: string | null;
  readonly reason: string;
  readonly tags: readonly string[];
  readonly from: string | null;
  readonly subject: string | null;
  /** The form target for "continue" (lock only) and "don't open", already a relative path. */
  readonly continuePath: string | null;
  readonly declinePath: string | null;
  readonly openable: boolean;
}

function destination(view: LinkView): string {
  const host = view.host ? `<p>It goes to <span class="host">${escapeHtml(view.host)}</span>:</p>` : '<p>It goes to:</p>';
  return `${host}<p class="url">${escapeHtml(view.url)}</p>`;
}

function why(view: LinkView): string {
  const tags = view.tags.length > 0 ? `<p class="tags">${view.tags.map((t) => `<span>${escapeHtml(t)}</span>`).join('')}</p>` : '';
  const email = view.from || view.subject ? `<p class="meta">From the email ${view.subject ? `“${escapeHtml(view.subject)}”` : ''}${view.from ? ` sent by ${escapeHtml(view.from)}` : ''}.</p>` : '';
  return `<div class="why"><p><strong>Why belong locked it:</strong> ${escapeHtml(view.reason)}</p>${tags}</div>${email}`;
}

export function lockPage(view: LinkView): string {
  const actions = view.openable && view.continuePath
    ? `<form method="post" action="${escapeHtml(view.continuePath)}"><button type="submit">Continue to the site</button></form>`
    : '<p>belong will not open this kind of link from here.</p>';
  const decline = view.declinePath ? `<form method="post" action="${escapeHtml(view.declinePath)}"><button class="stop" type="submit">Don’t open it</button></form>` : '';
  return page('Check this link before you open it', `<h1>Check this link before you open it</h1>${destination(view)}${why(view)}<p>Only continue if you expected this email and trust where the link goes.</p>${actions}${decline}`);
}

export function doubleLockPage(view: LinkView): string {
  return page('This link is blocked', `<h1>This link is blocked</h1>${destination(view)}${why(view)}<p>belong judged this link too risky to open. If you think that is wrong, ask your security team; they can see this email’s record.</p>`);
}

export function declinedPage(): string {
  return page('Not opened', '<h1>Not opened</h1><p>The link was not opened. You can close this tab.</p>');
}

/** One page for every unknown or invalid token: it says nothing about why. */
export function notFoundPage(): string {
  return page('Not found', '<h1>Not found</h1><p>This link is not valid.</p>');
}
