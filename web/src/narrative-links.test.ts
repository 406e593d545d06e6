import { describe, expect, it } from 'vitest';
import { refTarget } from './narrative-links';

describe('narrative jump-offs', () => {
  const sender = 'ceo@lookalike.example';

  it('sends people, domains and lookalike pairs to their profiles, encoded', () => {
    expect(refTarget({ kind: 'sender', id: 'a@b.example' }, sender)).toBe('/profiles/sender/a%40b.example');
    expect(refTarget({ kind: 'recipient', id: 'vera@corvid-labs.example' }, sender)).toBe('/profiles/person/vera%40corvid-labs.example');
    expect(refTarget({ kind: 'domain', id: 'b.example' }, sender)).toBe('/profiles/domain/b.example');
    expect(refTarget({ kind: 'lookalike', id: 'corvid-1abs.example~corvid-labs.example' }, sender)).toBe('/profiles/lookalike/corvid-1abs.example~corvid-labs.example');
  });

  it("sends relationship, related and thread to the message's sender", () => {
    for (const kind of ['relationship', 'related', 'thread']) {
      expect(refTarget({ kind, id: 'anything' }, sender)).toBe('/profiles/sender/ceo%40lookalike.example');
      expect(refTarget({ kind, id: 'anything' }, null)).toBeNull();
    }
  });

  it('sends parts of the message to their section of the email page', () => {
    expect(refTarget({ kind: 'link', id: 'x' }, sender)).toBe('#links');
    expect(refTarget({ kind: 'attachment', id: 'invoice.zip' }, sender)).toBe('#attachments');
    expect(refTarget({ kind: 'infrastructure', id: 'x' }, sender)).toBe('#headers');
    expect(refTarget({ kind: 'bank', id: 'x' }, sender)).toBe('#body');
    expect(refTarget({ kind: 'content', id: 'x' }, sender)).toBe('#body');
    expect(refTarget({ kind: 'action', id: 'delivery' }, sender)).toBe('#actions');
  });

  it('leaves an unknown kind as plain text', () => {
    expect(refTarget({ kind: 'constructor', id: 'x' }, sender)).toBeNull();
    expect(refTarget({ kind: 'toString', id: 'x' }, sender)).toBeNull();
  });
});
