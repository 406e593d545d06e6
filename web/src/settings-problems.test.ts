import { describe, expect, it } from 'vitest';
import { problemInWords } from './settings-problems';
import type { EditableSettings } from './types';

const sent: EditableSettings = {
  orgDomains: ['corvid-labs.example', 'not a domain!'],
  groups: { finance: ['ann@corvid-labs.example', 'bob'], 'sales.emea': ['nobody'] },
  vips: ['ceo'],
  autonomy: 'passive',
  quarantineRetentionDays: 0,
  messageRetentionDays: 3651,
};

describe('problemInWords', () => {
  it('names the list entry a problem is about', () => {
    expect(problemInWords('orgDomains.1: not a domain name', sent)).toBe('Organisation domains, "not a domain!": not a domain name');
    expect(problemInWords('vips.0: not an email address', sent)).toBe('VIPs, "ceo": not an email address');
  });

  it('names the group and its member, even when the group name has a dot', () => {
    expect(problemInWords('groups.finance.1: not an email address', sent)).toBe('Group "finance", "bob": not an email address');
    expect(problemInWords('groups.sales.emea.0: not an email address', sent)).toBe('Group "sales.emea", "nobody": not an email address');
    expect(problemInWords('groups.finance: too many members', sent)).toBe('Group "finance": too many members');
  });

  it('labels plain fields and leaves unrecognised text alone', () => {
    expect(problemInWords('quarantineRetentionDays: at least 1 day', sent)).toBe('Quarantine retention: at least 1 day');
    expect(problemInWords('messageRetentionDays: at most 3650 days', sent)).toBe('Message content retention: at most 3650 days');
    expect(problemInWords('something odd happened', sent)).toBe('something odd happened');
  });
});
