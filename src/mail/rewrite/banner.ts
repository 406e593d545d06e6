/**
 * The warning banner: escaped (the reason quotes the attacker's own words), styled inline
 * (clients drop <style> blocks), one table so it does not inherit or break the email's layout.
 */
export interface BannerText {
  readonly title: string;
  readonly reason: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function htmlBanner(banner: BannerText): string {
  return (
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px 0;">' +
    '<tr><td style="background:#fff4e5;border-left:4px solid #d9822b;padding:10px 12px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#1f1f1f;">' +
    `<strong style="color:#8a4b00;">${escapeHtml(banner.title)}</strong><br>${escapeHtml(banner.reason)}` +
    '</td></tr></table>'
  );
}

export function textBanner(banner: BannerText): string {
  return `[${banner.title}] ${banner.reason}\n\n`;
}

/** The banner goes right after <body ...> (or at the very start when the HTML has no body tag). */
export function insertHtmlBanner(html: string, banner: BannerText): string {
  const body = /<body\b[^>]*>/iu.exec(html);
  const at = body ? body.index + body[0].length : 0;
  return `${html.slice(0, at)}${htmlBanner(banner)}${html.slice(at)}`;
}
