import { describe, expect, it } from 'vitest';
import { confusableFindings, isMixedScript, scriptsOf } from './scripts.js';

describe('mixed-script and confusable characters', () => {
  it('flags Latin mixed with Cyrillic or Greek inside a word', () => {
    expect(confusableFindings('p\u0430ypal.com', 'domain')[0]).toMatchObject({ kind: 'mixed-script', scripts: ['Cyrillic', 'Latin'] });
    expect(confusableFindings('J\u03bfhn Smith', 'name')[0]).toMatchObject({ kind: 'mixed-script', word: 'J\u03bfhn' });
  });

  it('flags a domain label wholly in another script that reads as ASCII', () => {
    expect(confusableFindings('\u0430\u0441\u0435.com', 'domain')[0]?.kind).toBe('whole-script-look-alike');
  });

  it('flags Latin look-alike letters and invisible characters', () => {
    expect(confusableFindings('p\u0251ypal.com', 'domain')[0]?.kind).toBe('look-alike-characters');
    expect(confusableFindings('Dana\u200b Chief', 'name')[0]?.kind).toBe('invisible-characters');
  });

  it('stays silent on names wholly in one script, accents, and CJK mixes', () => {
    expect(confusableFindings('Γιάννης Παπαδόπουλος', 'name')).toEqual([]);
    expect(confusableFindings('山田 太郎', 'name')).toEqual([]);
    expect(confusableFindings('Zoë Müller', 'name')).toEqual([]);
    expect(confusableFindings('Işık Çelik', 'name')).toEqual([]);
    expect(confusableFindings('яндекс.рф', 'domain')).toEqual([]);
    expect(isMixedScript(scriptsOf('東京Tokyoカタカナ'))).toBe(false);
  });
});
