import { toUnicodeDomain } from '../identity/punycode.js';
import { confusableFindings, type ConfusableFinding } from '../identity/scripts.js';
import { round2, type Check } from './check.js';

function strengthOf(finding: ConfusableFinding, where: 'name' | 'domain'): number {
  if (where === 'domain') return finding.kind === 'invisible-characters' ? 0.6 : 0.9;
  return finding.kind === 'mixed-script' ? 0.75 : finding.kind === 'look-alike-characters' ? 0.65 : 0.5;
}

export const confusableCharacters: Check = {
  id: 'CONFUSABLE_CHARACTERS',
  description:
    'The display name or From domain mixes scripts within a word (Latin with Cyrillic or Greek), uses characters that imitate Latin letters, or hides invisible characters.',
  run({ message, who, facts }) {
    if (who.direction !== 'inbound' || !message.from) return null;
    const domain = toUnicodeDomain(message.from.domain);
    const inDomain = confusableFindings(domain, 'domain');
    // A long-known correspondent's unusual name is their name; the domain is judged regardless.
    const inName = facts.sender.prevalence === 'common' ? [] : confusableFindings(message.from.name, 'name');
    const all = [...inDomain.map((f) => ({ f, where: 'domain' as const })), ...inName.map((f) => ({ f, where: 'name' as const }))];
    if (all.length === 0) return null;
    const strength = round2(Math.max(...all.map(({ f, where }) => strengthOf(f, where))));
    const first = all[0];
    if (!first) return null;
    const describe = ({ f, where }: (typeof all)[number]): string =>
      `${where === 'domain' ? 'domain' : 'name'} "${f.word}": ${f.kind}${f.characters.length ? ` ${f.characters.join(', ')}` : ''}`;
    return {
      id: this.id,
      strength,
      evidence: {
        displayName: message.from.name,
        domain,
        inDomain: inDomain.length > 0,
        inName: inName.length > 0,
        findings: all.slice(0, 6).map(describe),
        scripts: [...new Set(all.flatMap(({ f }) => f.scripts))],
      },
      summary: `the ${first.where === 'domain' ? 'sender domain' : 'display name'} "${first.f.word}" contains ${
        first.f.kind === 'mixed-script'
          ? `letters from more than one script (${first.f.scripts.join(' and ')})`
          : first.f.kind === 'invisible-characters'
            ? 'invisible characters'
            : 'characters that imitate Latin letters'
      }`,
    };
  },
};
