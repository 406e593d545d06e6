import sanitizeHtml from 'sanitize-html';

/**
 * An email's HTML made inert for display. Email HTML is hostile: it may carry scripts, event
 * handlers, forms, frames, tracking pixels and CSS that phones home. The allow-list below keeps
 * what formats text (paragraphs, lists, tables, fonts, colours) and drops everything that runs,
 * navigates, submits or loads anything. This is the first of three walls: the document is also
 * served with a CSP that forbids scripts and every remote load, and shown in a sandboxed frame.
 */

const FORMATTING_TAGS = [
  'a', 'abbr', 'address', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'center', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt',
  'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'ul', 'var', 'wbr',
  'caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
];

/**
 * Disallowed tags whose whole content goes too (not only the tag): code, stylesheets, frames,
 * embedded documents, and the head's title. Void elements (embed, link, meta, base) have no
 * content and are simply dropped as disallowed tags.
 */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'select', 'xmp', 'title', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'object', 'applet', 'svg', 'math', 'audio', 'video', 'canvas'];

const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'width', 'height', 'align', 'valign', 'bgcolor', 'nowrap'];

/** No `href`, `src`, `srcset`, `background`, `on*` or `id`: nothing that navigates, loads or runs. */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style', 'title', 'align', 'dir', 'lang'],
  img: ['src', 'alt', 'width', 'height'],
  font: ['color', 'face', 'size'],
  ol: ['start', 'type'],
  ul: ['type'],
  table: ['border', 'cellpadding', 'cellspacing', 'width', 'height', 'bgcolor'],
  td: CELL_ATTRIBUTES,
  th: CELL_ATTRIBUTES,
  tr: ['valign', 'bgcolor', 'height'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
};

/**
 * A CSS value with nothing that can load or run: no `url(`/`image-set(`/`image(`/`expression(`
 * or any other function except colour and calc ones, no backslash escapes (`u\72l(` spells
 * url), no `@` (at-rules), no angle brackets. Strings are allowed: in an inline declaration a
 * string cannot fetch anything.
 */
const SAFE_CSS_VALUE = /^(?:[^\\()@<>]|\b(?:rgba?|hsla?|calc)\([^\\()@<>]*\))*$/i;

const STYLE_PROPERTIES = [
  'color', 'background-color', 'background', 'opacity',
  'font', 'font-family', 'font-size', 'font-style', 'font-variant', 'font-weight',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'line-height', 'letter-spacing', 'word-spacing', 'white-space',
  'word-break', 'word-wrap', 'overflow-wrap', 'vertical-align', 'direction', 'display', 'float', 'clear',
  'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style', 'border-width', 'border-radius',
  'border-collapse', 'border-spacing', 'table-layout', 'list-style-type',
];

const ALLOWED_STYLES = { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) };

/** Inline images the message carries itself; SVG excluded (it is a document, not a picture). */
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|jpg|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

/** Characters of a link target kept in the title. */
const MAX_TITLE_CHARS = 2048;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: FORMATTING_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedStyles: ALLOWED_STYLES,
  // href is gone (below) and img src is checked below: nothing else may carry a URL.
  allowedSchemes: [],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: {
    // A link keeps its text and shows its target on hover, but cannot be followed from the frame.
    a: (_tag, attribs) => ({ tagName: 'a', attribs: { ...(attribs.style ? { style: attribs.style } : {}), ...(attribs.href ? { title: attribs.href.slice(0, MAX_TITLE_CHARS) } : {}) } }),
    img: (_tag, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      for (const name of ['alt', 'width', 'height', 'title', 'style'] as const) {
        const value = attribs[name];
        if (value !== undefined) kept[name] = value;
      }
      if (attribs.src && INLINE_IMAGE.test(attribs.src.trim())) kept.src = attribs.src.trim();
      return { tagName: 'img', attribs: kept };
    },
  },
};

export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const BODY_STYLE = 'margin:12px;font-family:system-ui,sans-serif;font-size:14px;line-height:1.4;color:#1a1a1a;background:#fff;overflow-wrap:anywhere';
const PRE_STYLE = 'margin:0;white-space:pre-wrap;font-family:inherit';

/**
 * The document the email page frames: the sanitised HTML, or, when the message has none, the
 * text body escaped in a <pre>. No <meta>, <style> or <script> of its own: the charset comes from
 * the content-type header and the little styling there is sits in attributes.
 */
export function emailBodyDocument(content: { readonly html: string | null; readonly text: string }): string {
  const html = content.html?.trim() ? sanitiseEmailHtml(content.html) : null;
  const body = html ?? `<pre style="${PRE_STYLE}">${escapeHtml(content.text)}</pre>`;
  return `<!doctype html><html><head><title>Message body</title></head><body style="${BODY_STYLE}">${body}</body></html>`;
}
