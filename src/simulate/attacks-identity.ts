/**
 * Impersonation attacks: lookalike vendor and own domains, display-name impersonation, spoofed
 * known and own domains. Each attack of a kind uses a different target and variant.
 */
import { makePdf } from './files.js';
import { formatIban, makeAccount } from './iban.js';
import { LOOKALIKE_VARIANTS, lookalike } from './lookalike.js';
import { type AttackContext, attackerTransport, attackMail, attackMoment, byDepartment, first, nth, party, partyOf, pdfAttachment } from './attack-kit.js';
import type { SimMail } from './compose.js';
import { money } from './compose.js';

const PAYMENT_ASKS = [
  'Our records show invoice {inv} is now overdue. Please arrange payment today to avoid a hold on your account.',
  'Please note that we have changed banks. All future payments, including the open invoice {inv}, should go to the account below.',
  'Due to an audit of our accounts, we kindly ask you to settle invoice {inv} to our new account below this week.',
];

export function lookalikeVendor(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const known = new Set(org.vendors.flatMap((v) => [v.domain, v.altDomain ?? '']));
  for (let i = 0; i < ctx.count; i++) {
    const vendor = nth(org.vendors, i);
    const variant = nth(LOOKALIKE_VARIANTS, i);
    const domain = lookalike(vendor.domain, variant, i, known);
    const contact = nth(vendor.contacts, i);
    const target = nth(vendor.owners, i);
    const at = attackMoment(ctx, i, target);
    const inv = `INV-2025-${rng.int(1000, 9999)}`;
    const account = makeAccount(rng, rng.pick(['GB', 'IE', 'NL']));
    const text = `Dear ${first(target.name)},\n\n${nth(PAYMENT_ASKS, i).replace('{inv}', inv)}\n\nBank: ${account.bank}\nIBAN: ${formatIban(account.iban)}\nBIC: ${account.bic}\nAmount: EUR ${money(rng, 4000, 40000)}\n\nKind regards,\n${contact.name}\n${vendor.name}`;
    out.push(
      attackMail(ctx, 'lookalike-vendor', {
        at,
        from: party(contact.name, `${contact.address.split('@')[0]}@${domain}`),
        to: [partyOf(target)],
        subject: rng.pick([`Invoice ${inv} overdue`, `Updated banking details - ${vendor.name}`, `Payment request ${inv}`]),
        text,
        attachments: i % 2 === 0 ? [pdfAttachment(`${inv}.pdf`, makePdf([`${vendor.name} INVOICE ${inv}`, `IBAN ${formatIban(account.iban)}`]))] : undefined,
        transport: attackerTransport(rng, domain),
      }),
    );
  }
  return out;
}

const OWN_DOMAIN_LURES: ReadonlyArray<{ from: string; local: string; subject: string; text: string }> = [
  { from: 'IT Service Desk', local: 'it-support', subject: 'Password expires today', text: 'Your network password expires today. Keep your current password here: {link}' },
  { from: 'HR', local: 'hr', subject: 'Updated payroll details required', text: 'Please confirm your bank details for the upcoming payroll run before Friday: {link}' },
  { from: '{ceo}', local: '', subject: 'Wire needed today', text: 'I need a wire of EUR 48,500 sent today for the acquisition deposit. Keep this confidential and reply once done.' },
  { from: 'Corvid Labs Payroll', local: 'payroll', subject: 'Your payslip is available', text: 'Your June payslip is ready. Sign in to view it: {link}' },
  { from: '{colleague}', local: '', subject: 'Shared: Q3 budget.xlsx', text: 'I shared the Q3 budget with you. Open it here: {link}' },
];

export function lookalikeOwnDomain(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const ceo = nth(org.executives, 0);
  for (let i = 0; i < ctx.count; i++) {
    const domain = lookalike(org.domain, nth(LOOKALIKE_VARIANTS, i + 1), i);
    const target = nth(org.people.filter((p) => p.department !== 'exec'), i * 7 + 3);
    const lure = nth(OWN_DOMAIN_LURES, i);
    const colleague = nth(org.people, i * 5 + 1);
    const name = lure.from.replace('{ceo}', ceo.name).replace('{colleague}', colleague.name);
    const local = lure.from === '{ceo}' ? ceo.address.split('@')[0] : lure.from === '{colleague}' ? colleague.address.split('@')[0] : lure.local;
    const link = `https://login.${domain}/session/${rng.hex(10)}`;
    out.push(
      attackMail(ctx, 'lookalike-own-domain', {
        at: attackMoment(ctx, i, target),
        from: party(name, `${local}@${domain}`),
        to: [partyOf(target)],
        subject: lure.subject,
        text: `Hi ${first(target.name)},\n\n${lure.text.replace('{link}', link)}\n\nThanks`,
        html: lure.text.includes('{link}') ? `<html><body><p>Hi ${first(target.name)},</p><p>${lure.text.replace('{link}', `<a href="${link}">${link.includes('login') ? 'Sign in' : 'Open'}</a>`)}</p></body></html>\n` : undefined,
        transport: attackerTransport(rng, domain),
      }),
    );
  }
  return out;
}

const DISPLAY_NAME_ASKS: ReadonlyArray<{ subject: string; text: string }> = [
  { subject: 'Are you at your desk?', text: 'Are you at your desk? I need you to handle something for me quickly and discreetly. Reply when you see this.' },
  { subject: 'Urgent wire transfer', text: 'I need you to process a wire transfer of EUR 27,800 to a new supplier today. I am in meetings all day, so email only. Details to follow.' },
  { subject: 'Quick favour', text: 'Can you pick up some gift cards for a client thank-you? I will reimburse you. Let me know how fast you can do it.' },
  { subject: 'Confidential', text: 'We are closing a confidential deal. I need the latest vendor payment list and our bank balance by noon. Do not discuss with anyone yet.' },
  { subject: 'New number', text: 'This is my new personal email, my phone is broken. Please text me on +44 7700 900{n} when you get this.' },
];

/** The name with its first `a`, `e` or `o` swapped for the Cyrillic letter that looks the same. */
function confusable(name: string): string {
  const swaps: Readonly<Record<string, string>> = { a: '\u0430', e: '\u0435', o: '\u043e' };
  const at = [...name].findIndex((ch) => ch in swaps);
  return at < 0 ? name : `${name.slice(0, at)}${swaps[name[at] ?? ''] ?? ''}${name.slice(at + 1)}`;
}

export function displayNameImpersonation(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const finance = byDepartment(org, 'finance');
  for (let i = 0; i < ctx.count; i++) {
    // Mostly executives; every third one a colleague (the CFO's team lead, a sales head).
    const who = i % 3 === 2 ? nth(org.people.filter((p) => p.department !== 'exec'), i * 3) : nth(org.executives, i);
    const target = nth([...finance, ...org.people.filter((p) => p.title === 'Executive Assistant')], i);
    const [firstName, last] = who.name.split(' ');
    const useFree = i % 2 === 0;
    const domain = useFree ? nth(org.freemail, i) : nth(['exec-office-mail.test', 'board-secure.example', 'mgmt-inbox.test', 'ceo-desk.example'], i);
    const local = nth([`${firstName?.toLowerCase()}.${last?.toLowerCase()}${rng.int(1, 99)}`, `${firstName?.toLowerCase()}${last?.[0]?.toLowerCase()}.office`, `${(last ?? '').toLowerCase()}.${rng.pick(['work', 'mobile', 'private'])}`], i);
    const ask = nth(DISPLAY_NAME_ASKS, i);
    out.push(
      attackMail(ctx, 'display-name-impersonation', {
        at: attackMoment(ctx, i, target),
        // Variants: the plain name, the name with a title, the name with a Cyrillic look-alike letter.
        from: party(i % 4 === 3 ? `${who.name} (${who.title})` : i % 5 === 4 ? confusable(who.name) : who.name, `${local}@${domain}`),
        to: [partyOf(target)],
        subject: ask.subject,
        text: `${first(target.name)},\n\n${ask.text.replace('{n}', String(rng.int(100, 999)))}\n\n${first(who.name)}\nSent from my iPhone`,
        transport: attackerTransport(rng, domain, { helo: useFree ? `out.${domain}` : undefined }),
      }),
    );
  }
  return out;
}

export function spoofKnownDomain(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const known = [...org.vendors, ...org.partners];
  for (let i = 0; i < ctx.count; i++) {
    const company = nth(known, i + 3);
    const contact = nth(company.contacts, i);
    const target = nth(company.owners, i);
    const inv = `INV-2025-${rng.int(1000, 9999)}`;
    const account = makeAccount(rng);
    const payment = i % 2 === 0;
    const link = `https://${rng.pick(['docs-viewer', 'secure-files', 'share-point-online'])}.${rng.pick(['click', 'top', 'xyz'])}/d/${rng.hex(12)}`;
    out.push(
      attackMail(ctx, 'spoof-known-domain', {
        at: attackMoment(ctx, i, target),
        from: party(contact.name, contact.address),
        to: [partyOf(target)],
        subject: payment ? `Payment reminder ${inv}` : `${company.name}: document for your review`,
        text: payment
          ? `Hello ${first(target.name)},\n\nKindly settle ${inv} (EUR ${money(rng, 2000, 30000)}) to our account:\nIBAN: ${formatIban(account.iban)}\nBIC: ${account.bic}\n\nRegards,\n${contact.name}`
          : `Hello ${first(target.name)},\n\nPlease review the attached document and sign in to approve: ${link}\n\nRegards,\n${contact.name}`,
        transport: attackerTransport(rng, rng.pick(['cheap-vps-hosting.test', 'bulk-sender.example']), { auth: i % 3 === 0 ? 'softfail' : 'fail', mailFrom: contact.address }),
      }),
    );
  }
  return out;
}

export function spoofOwnDomain(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const staff = org.people.filter((p) => /IT |HR |Payroll|Office Manager|Controller|Head of Operations/.test(`${p.title} `));
    const impersonated = i % 2 === 0 ? nth(org.executives, i / 2) : nth(staff, (i - 1) / 2);
    const target = nth(org.people.filter((p) => p !== impersonated && p.department !== 'exec'), i * 5 + 2);
    const link = `http://${rng.pick(['mailbox-verify', 'voicemail-portal', 'corvid-sso'])}.${rng.pick(['xyz', 'top', 'online'])}/${rng.hex(8)}`;
    const exec = i % 2 === 0;
    out.push(
      attackMail(ctx, 'spoof-own-domain', {
        at: attackMoment(ctx, i, target),
        from: partyOf(impersonated),
        to: [partyOf(target)],
        subject: exec ? nth(['Payment needed today', 'Confidential request', 'Wire before 3pm'], i) : nth(['Voicemail received', 'Mailbox quota exceeded', 'Action required: re-validate account'], i),
        text: exec
          ? `${first(target.name)},\n\nI need a payment of EUR ${money(rng, 9000, 60000)} made today to a new supplier. I will send details. Please keep this between us.\n\n${first(impersonated.name)}`
          : `You have a new voicemail / mailbox notice. Sign in to keep your access: ${link}\n\n${impersonated.name}\n${impersonated.title}`,
        transport: attackerTransport(rng, 'cheap-vps-hosting.test', { auth: 'fail', mailFrom: impersonated.address }),
      }),
    );
  }
  return out;
}
