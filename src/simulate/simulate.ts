/**
 * `belong simulate`: builds the organisation, its legitimate mail over the learn and test
 * phases, and the labelled attacks of every kind in the test phase; writes each message as an
 * .eml file (chronological names) and the manifest. Same seed → byte-identical output.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ATTACK_GENERATORS } from './attacks.js';
import { DAY, resetIds, type SimMail } from './compose.js';
import { legitMail, type Timeline } from './legit.js';
import { manifestText, type ManifestLine } from './manifest.js';
import { buildOrg, type Org } from './org.js';
import { renderMail } from './render.js';
import { Rng } from './rng.js';

export type Scale = 'small' | 'default';

export interface SimulateOptions {
  readonly out: string;
  readonly seed: number;
  readonly scale: Scale;
}

export interface SimulateSummary {
  readonly manifest: string;
  readonly org: Org;
  readonly learn: number;
  readonly testLegit: number;
  readonly attacks: Readonly<Record<string, number>>;
}

/** A fixed base date (a Monday), never the clock: output must not depend on when it runs. */
const BASE = Date.UTC(2025, 0, 6);
const LEARN_DAYS = 150;
const TEST_DAYS = 30;

const SCALES: Readonly<Record<Scale, { rate: number; attacksPerKind: (rng: Rng) => number }>> = {
  default: { rate: 1, attacksPerKind: (rng) => rng.int(8, 12) },
  small: { rate: 0.1, attacksPerKind: () => 2 },
};

export function simulate(options: SimulateOptions): SimulateSummary {
  resetIds();
  const root = new Rng(options.seed >>> 0);
  const org = buildOrg(root.fork('org'));
  const scale = SCALES[options.scale];
  const time: Timeline = { start: BASE, testStart: BASE + LEARN_DAYS * DAY, end: BASE + (LEARN_DAYS + TEST_DAYS) * DAY, rate: scale.rate };
  const legit = legitMail(org, root.fork('legit'), time).mail.filter((m) => m.spec.at < time.end);
  const attacks: SimMail[] = [];
  const counts: Record<string, number> = {};
  for (const [kind, generate] of Object.entries(ATTACK_GENERATORS)) {
    const rng = root.fork(`attack:${kind}`);
    const made = generate({ org, rng, time, legit, count: scale.attacksPerKind(rng) }).filter((m) => m.spec.at >= time.testStart && m.spec.at < time.end);
    counts[kind] = made.length;
    attacks.push(...made);
  }
  // Chronological by send time; ties broken by Message-ID so the order never depends on sort stability.
  const all = [...legit, ...attacks].sort((a, b) => a.spec.at - b.spec.at || (a.spec.id < b.spec.id ? -1 : 1));

  const mailDir = path.join(options.out, 'mail');
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  const lines: ManifestLine[] = [];
  const width = String(all.length).length + 1;
  let learn = 0;
  let testLegit = 0;
  all.forEach((mail, index) => {
    const file = `mail/${String(index + 1).padStart(width, '0')}.eml`;
    writeFileSync(path.join(options.out, file), renderMail(mail.spec, { mx: org.mx, mxIp: org.mxIp, store: `mailstore.${org.domain}` }));
    const phase = mail.spec.at >= time.testStart ? 'test' : 'learn';
    if (phase === 'learn') learn += 1;
    else if (mail.label === 'legit') testLegit += 1;
    lines.push({ path: file, phase, label: mail.label, kind: mail.kind });
  });
  const manifest = path.join(options.out, 'manifest.jsonl');
  writeFileSync(manifest, manifestText([org.domain], lines));
  return { manifest, org, learn, testLegit, attacks: counts };
}
