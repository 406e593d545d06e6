import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../test/helpers/message-builder.js';
import { threadClaimOf, threadReferences } from './thread-markers.js';

describe('threadClaimOf', () => {
  it('recognises reply and forward prefixes in several languages', () => {
    for (const subject of ['Re: x', 'RE: x', 'AW: x', 'SV: x', 'Re[2]: x', '[EXT] Re: x']) expect(threadClaimOf(buildMessage({ from: 'a@b.com', subject }))).toBe('reply');
    for (const subject of ['Fwd: x', 'FW: x', 'WG: x', 'TR: x']) expect(threadClaimOf(buildMessage({ from: 'a@b.com', subject }))).toBe('forward');
    for (const subject of ['Regarding x', 'Result: x', 'Trade: x']) expect(threadClaimOf(buildMessage({ from: 'a@b.com', subject }))).toBeNull();
  });

  it('recognises quoted header blocks and attribution lines in the body', () => {
    expect(threadClaimOf(buildMessage({ from: 'a@b.com', subject: 'x', text: 'see below\n> On Mon, 4 Mar 2024 at 10:00, Alice <a@example.org> wrote:\n> hi' }))).toBe('quoted');
    expect(threadClaimOf(buildMessage({ from: 'a@b.com', subject: 'x', text: 'Von: Alice\nGesendet: Montag\nAn: Bob\nBetreff: x' }))).toBe('quoted');
  });
});

describe('threadReferences', () => {
  it('reads In-Reply-To and the nearest References, bounded and without brackets', () => {
    const refs = Array.from({ length: 9 }, (_, i) => `<r${i}@x>`);
    expect(threadReferences(buildMessage({ from: 'a@b.com', thread: { inReplyTo: '<r8@x>', references: refs } }))).toEqual(['r8@x', 'r7@x', 'r6@x', 'r5@x', 'r4@x']);
  });
});
