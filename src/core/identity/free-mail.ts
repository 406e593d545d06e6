/**
 * Large free-mail providers: an executive's name from one of these is the classic BEC opener.
 * Evidence only (the check fires for any address the person never used); a short hand-kept
 * list because no maintained npm package fits core's no-import rule, and the signal does not
 * depend on it being complete.
 */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'zoho.com', 'tutanota.com', 'tuta.io', 'fastmail.com',
  'qq.com', '163.com', '126.com', 'naver.com', 'laposte.net', 'orange.fr', 'free.fr', 'libero.it',
]);

export function isFreeMail(registrableDomain: string): boolean {
  return FREE_MAIL.has(registrableDomain.toLowerCase());
}
