import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Test-only: a small organisation's mailbox as real RFC 5322 files, with a labelled manifest. */
const DAY = 86_400_000;

interface Spec {
  from: string;
  to: string;
  subject: string;
  at: number;
  auth?: 'pass' | 'fail';
  replyTo?: string;
  body?: string;
}

function render(spec: Spec, n: number): string {
  const fromDomain = spec.from.replace(/.*@/, '').replace(/>$/, '');
  const lines = [
    ...(spec.auth
      ? [
          `Authentication-Results: mx.example.org; spf=${spec.auth} smtp.mailfrom=${fromDomain}; dkim=${spec.auth} header.d=${fromDomain}; dmarc=${spec.auth} (p=REJECT) header.from=${fromDomain}`,
        ]
      : []),
    `Received: from mail.${fromDomain} (mail.${fromDomain} [192.0.2.${(n % 200) + 1}]) by mx.example.org with ESMTPS; ${new Date(spec.at).toUTCString()}`,
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    ...(spec.replyTo ? [`Reply-To: ${spec.replyTo}`] : []),
    `Subject: ${spec.subject}`,
    `Date: ${new Date(spec.at).toUTCString()}`,
    `Message-ID: <m${n}@${fromDomain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    spec.body ?? `Hello,\n\nmessage number ${n}.\n`,
  ];
  return lines.join('\r\n');
}

export interface SyntheticOrg {
  readonly dir: string;
  readonly manifest: string;
}

/** Writes ~300 learn messages over 100 days, then legit and attack test messages. */
export function writeSyntheticOrg(dir: string): SyntheticOrg {
  mkdirSync(path.join(dir, 'mail'), { recursive: true });
  const t0 = Date.UTC(2024, 0, 1);
  const lines: string[] = [JSON.stringify({ org: { domains: ['example.org'] } })];
  let n = 0;
  const add = (spec: Spec, phase: 'learn' | 'test', label: 'legit' | 'attack', kind = '') => {
    n += 1;
    const file = `mail/${String(n).padStart(4, '0')}.eml`;
    writeFileSync(path.join(dir, file), render(spec, n));
    lines.push(JSON.stringify({ path: file, phase, label, kind }));
  };
  for (let day = 0; day < 100; day += 1) {
    const at = t0 + day * DAY;
    add({ from: 'Vera Vendor <vera@vendor.com>', to: 'alice@example.org', subject: `Order ${day}`, at, auth: 'pass' }, 'learn', 'legit');
    add({ from: 'alice@example.org', to: 'pat@partner.net', subject: `Plans ${day}`, at: at + 3600_000 }, 'learn', 'legit');
    add({ from: 'bob@example.org', to: 'alice@example.org', subject: `Lunch ${day}`, at: at + 7200_000 }, 'learn', 'legit');
  }
  const later = t0 + 101 * DAY;
  add({ from: 'Vera Vendor <vera@vendor.com>', to: 'alice@example.org', subject: 'Order 101', at: later, auth: 'pass' }, 'test', 'legit');
  add({ from: 'pat@partner.net', to: 'alice@example.org', subject: 'Re: Plans', at: later + 1000 }, 'test', 'legit');
  add({ from: 'bob@example.org', to: 'alice@example.org', subject: 'Lunch again', at: later + 2000 }, 'test', 'legit');
  add({ from: 'Vera Vendor <vera@vendor.com>', to: 'alice@example.org', subject: 'Urgent: new bank details', at: later + 3000, auth: 'fail' }, 'test', 'attack', 'spoof');
  add(
    { from: 'Vera Vendor <vera@vend0r-billing.com>', to: 'alice@example.org', subject: 'Invoice', at: later + 4000, replyTo: 'vera.billing@freemail.example' },
    'test',
    'attack',
    'bec',
  );
  writeFileSync(path.join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
  return { dir, manifest: path.join(dir, 'manifest.jsonl') };
}
