/**
 * Account takeover: the attacker writes from a real, known mailbox, so the address, and often
 * the authentication, are genuine; what departs is the content, the bank details, the
 * recipients, the links or the infrastructure.
 */
import { type AttackContext, attackMail, attackMoment, first, nth, partyOf, pdfAttachment } from './attack-kit.js';
import { companyInfra, infraTransport, money, orgTransport, quote, reSubject, type SimMail, threadOf } from './compose.js';
import { makePdf } from './files.js';
import { formatIban, makeAccount } from './iban.js';
import type { Transport } from './render.js';

export function vendorBankChange(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const invoicing = org.vendors.filter((v) => ctx.legit.some((m) => m.spec.from.address === v.contacts[0]?.address && m.spec.subject.startsWith('Invoice')));
  const vendors = invoicing.length > 0 ? invoicing : org.vendors;
  for (let i = 0; i < ctx.count; i++) {
    const vendor = nth(vendors, i);
    const billing = nth(vendor.contacts, 0);
    const target = nth(vendor.owners, 0);
    const at = attackMoment(ctx, i, target);
    const previous = [...ctx.legit].reverse().find((m) => m.spec.from.address === billing.address && m.spec.at < at && m.spec.subject.startsWith('Invoice'));
    const account = makeAccount(rng, rng.pick(['GB', 'IE', 'FR']));
    const inv = `INV-2025-${rng.int(1000, 9999)}`;
    const amount = money(rng, 3000, 45000);
    // Half from the vendor's own servers (the mailbox is theirs); half from new infrastructure
    // the attacker reaches the mailbox through, still authenticated as the vendor.
    const sameInfra = i % 2 === 0;
    const transport: Transport = sameInfra
      ? infraTransport(companyInfra(vendor, billing.address), billing.address)
      : { ...infraTransport(companyInfra(vendor, billing.address), billing.address), helo: `webmail-${rng.int(1, 9)}.hostedmail-cloud.test`, rdns: null, ip: `203.0.113.${rng.int(2, 254)}` };
    const hijack = previous && i % 3 === 1;
    const body = `Dear ${first(target.name)},\n\nPlease find attached invoice ${inv} (EUR ${amount}). Please note that our bank details have changed; kindly update your records and use the new account for this and all future payments:\n\nBank: ${account.bank}\nIBAN: ${formatIban(account.iban)}\nBIC: ${account.bic}\n\nKind regards,\n${billing.name}\n${vendor.name}`;
    out.push(
      attackMail(ctx, 'vendor-bank-change', {
        at,
        offsetMinutes: vendor.offsetMinutes,
        from: { name: billing.name, address: billing.address },
        to: [partyOf(target)],
        subject: hijack && previous ? reSubject(previous.spec.subject) : `Invoice ${inv} from ${vendor.name} - updated bank details`,
        text: hijack && previous ? `${body}${quote(previous.spec)}` : body,
        attachments: [pdfAttachment(`${inv}.pdf`, makePdf([`${vendor.name} - INVOICE ${inv}`, `Amount due: EUR ${amount}`, `IBAN ${formatIban(account.iban)}  BIC ${account.bic}`]))],
        mailer: sameInfra ? companyInfra(vendor, billing.address).mailer : 'Roundcube Webmail/1.6.9',
        transport,
        ...(hijack && previous ? threadOf(previous.spec) : {}),
      }),
    );
  }
  return out;
}

const INTERNAL_LURES = [
  { subject: 'Document shared with you: Salary review 2025', text: 'I have shared "Salary review 2025" with you. Sign in to view: {link}' },
  { subject: 'Updated HR policy - action required', text: 'Please read and acknowledge the updated policy by end of day: {link}' },
  { subject: 'Invoice approvals pending', text: 'Several invoices are waiting for your approval. Review them here: {link}' },
  { subject: 'Team photos from the offsite', text: 'Photos from the offsite are up, log in with your work account to download: {link}' },
];

export function accountTakeoverInternal(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const victim = nth(org.people.filter((p) => p.department !== 'exec'), i * 4 + 1);
    const recipients = rng.sample(org.people.filter((p) => p !== victim), rng.int(15, 30));
    const lure = nth(INTERNAL_LURES, i);
    const host = nth(['corvid-docs-share.test', 'sharefile-secure-docs.example', 'hr-portal-login.test', 'office-docs-view.example', 'onedrive-files-share.test'], i);
    const link = `https://${host}/s/${rng.hex(10)}`;
    const target = recipients[0] ?? victim;
    const transport = orgTransport(org, victim);
    const foreignIp = `198.51.100.${rng.int(2, 254)}`;
    out.push(
      attackMail(ctx, 'account-takeover-internal', {
        at: attackMoment(ctx, i, target) + (i % 2 === 0 ? 9 * 3600_000 : 0),
        offsetMinutes: victim.offsetMinutes,
        from: partyOf(victim),
        to: recipients.map(partyOf),
        subject: lure.subject,
        text: `Hi all,\n\n${lure.text.replace('{link}', link)}\n\n${victim.name}`,
        html: `<html><body><p>Hi all,</p><p>${lure.text.replace('{link}', `<a href="${link}">View document</a>`)}</p><p>${victim.name}</p></body></html>\n`,
        mailer: 'Microsoft Outlook 16.0',
        // The session is hijacked from elsewhere: the client hop is a foreign IP, not a workstation.
        transport: { ...transport, clientHop: { name: `[${foreignIp}]`, ip: foreignIp, protocol: 'ESMTPSA' } },
      }),
    );
  }
  return out;
}

export function accountTakeoverExternal(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const known = [...org.partners, ...org.vendors, ...org.customers];
  for (let i = 0; i < ctx.count; i++) {
    const company = nth(known, i * 3 + 1);
    const contact = nth(company.contacts, i);
    const target = nth(company.owners, i);
    const payload = i % 2 === 1;
    const host = nth(['files-transfer-secure.test', 'docsign-review.example', 'cloud-share-portal.test', 'wetransfer-files.example', 'secure-doc-access.test'], i);
    const link = payload ? `https://${host}/download/${rng.hex(8)}/Statement_${rng.int(100, 999)}.zip` : `https://${host}/auth/login?doc=${rng.hex(8)}`;
    const infra = companyInfra(company, contact.address);
    out.push(
      attackMail(ctx, 'account-takeover-external', {
        at: attackMoment(ctx, i, target),
        offsetMinutes: company.offsetMinutes,
        from: { name: contact.name, address: contact.address },
        to: [partyOf(target)],
        subject: nth(['Secure document for your review', 'Statement of account', 'Please review and sign', 'Files shared with you'], i),
        text: `Hello,\n\n${contact.name} has shared a ${payload ? 'file' : 'secure document'} with you.\n\n${payload ? 'Download' : 'Review'}: ${link}\n\nThis link expires in 24 hours.`,
        html: `<html><body><p>Hello,</p><p>${contact.name} has shared a document with you.</p><p><a href="${link}">${payload ? 'Download file' : 'Review document'}</a></p><p>This link expires in 24 hours.</p></body></html>\n`,
        mailer: 'Roundcube Webmail/1.6.9',
        transport: { ...infraTransport(infra, contact.address), helo: `mta${rng.int(1, 9)}.bulkhost-mailer.test`, rdns: null, ip: `192.0.2.${rng.int(2, 254)}`, dkim: { domain: infra.dkimDomain, selector: 'x1', result: 'pass' } },
      }),
    );
  }
  return out;
}
