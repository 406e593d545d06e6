import { describe, expect, it } from 'vitest';
import { nameWords, orgNameFromDomain, personNameKey } from './names.js';

describe('display name normalisation', () => {
  it('folds case, accents, punctuation and word order', () => {
    const key = personNameKey('Zoë Müller');
    // The key is a folded skeleton (UTS #39 reads 'm' as 'rn'), compared, never shown.
    expect(key).toBe(personNameKey('zoe muller'));
    expect(key?.split(' ')).toHaveLength(2);
    expect(personNameKey('"Müller, Zoë"')).toBe(key);
    expect(personNameKey('ZOE MULLER')).toBe(key);
    expect(personNameKey('Zoë A. Müller')).toBe(key);
  });

  it('drops titles, roles and devices that decorate a name', () => {
    const key = personNameKey('Gwen Brightman');
    expect(key).not.toBeNull();
    for (const decorated of ['Gwen Brightman (Chief Executive Officer)', 'Dr. Gwen Brightman', 'Gwen Brightman - iPhone', 'Gwen Brightman | CEO', 'Brightman, Gwen [External]', 'Gwen Brightman, CEO']) {
      expect(personNameKey(decorated), decorated).toBe(key);
    }
    expect(personNameKey('Anne Smith-Jones')).not.toBe(personNameKey('Anne Smith'));
  });

  it('folds look-alike characters so a Cyrillic twin matches', () => {
    expect(personNameKey('Z\u043ee Muller')).toBe(personNameKey('Zoe Muller'));
  });

  it('refuses single words and long taglines', () => {
    expect(personNameKey('Accounts')).toBeNull();
    expect(personNameKey('Weekly Digest from the Corvid Labs Product Team')).toBeNull();
    expect(nameWords('dana@corvid-labs.com')).toEqual([]);
  });

  it("derives the organisation's name from its domain", () => {
    expect(orgNameFromDomain('corvid-labs.com')).toEqual({ name: 'corvid labs', compact: 'corvidlabs' });
  });
});
